import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The reference: a bare Vite React app with the same React, showing a grid of five apps.
const apps = ['Drive', 'Notes', 'Contacts', 'Photos', 'Store'];

function Grid() {
  return (
    <main>
      <h2>Applications</h2>
      <ul>
        {apps.map((name) => (
          <li key={name}>
            <a href={`/${name.toLowerCase()}`}>{name}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Grid />
  </StrictMode>,
);
