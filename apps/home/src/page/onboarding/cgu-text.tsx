/** The commitments shown before a space is created (the seed's « Les engagements de Toutatice.fr »). */
export function CguText() {
  return (
    <ul className="mt-cgu">
      <li>Dans votre espace MyToutatice, votre Espace Numérique Personnel (ENP) connecté à Toutatice.fr, vous restez toujours responsable de vos données.</li>
      <li>Personne d’autre que vous ne peut accéder au contenu de votre espace, sauf ce que vous choisissez de partager.</li>
      <li>Nous expliquons l’engagement de nos services vis-à-vis des traitements opérés sur vos données personnelles.</li>
      <li>Dans votre ENP, vous pouvez récupérer vos données personnelles présentes dans Toutatice et ses applications.</li>
      <li>
        À la fin de votre accès à Toutatice, il vous appartient de récupérer vos données ou de transférer votre ENP vers un autre
        hébergeur.
      </li>
    </ul>
  );
}
