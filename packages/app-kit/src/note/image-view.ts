import { noteImageOf } from '@mytoutatice/sdk';
import type { AnyExtension, NodeViewRenderer } from '@tiptap/core';

export type ImageViewTexts = { loading: string; failed: string };
/** Reads an image's bytes with the session's token, under where the note was opened (`noteApiBase`). */
export type ImageLoader = (src: string, signal: AbortSignal) => Promise<Blob>;

/**
 * How an image of the note shows. One uploaded to a note (`/api/notes/<id>/images/<id>`) cannot
 * be an `<img src>`: the storage wants the bearer token, which an `<img>` cannot send. Its bytes
 * are fetched with the session's transport (`load`, which knows the sharing the note was opened
 * through) and shown from an object URL, freed with the view; a placeholder says it is loading,
 * then that it failed. Any other (http(s)) image shows as it is.
 */
export function imageView(load: ImageLoader, texts: ImageViewTexts): NodeViewRenderer {
  return ({ node }) => {
    const src = String(node.attrs.src ?? '');
    const img = document.createElement('img');
    const describe = (attrs: Record<string, unknown>) => {
      img.alt = typeof attrs.alt === 'string' ? attrs.alt : '';
      if (typeof attrs.title === 'string') img.title = attrs.title;
      else img.removeAttribute('title');
    };
    describe(node.attrs);
    const update: ReturnType<NodeViewRenderer>['update'] = (next) => {
      if (next.type !== node.type || next.attrs.src !== src) return false;
      describe(next.attrs);
      return true;
    };
    if (!noteImageOf(src)) {
      img.src = src;
      return { dom: img, update };
    }

    const dom = document.createElement('span');
    dom.className = 'mt-note-image';
    const placeholder = document.createElement('span');
    placeholder.className = 'mt-note-image__placeholder';
    placeholder.textContent = texts.loading;
    dom.append(placeholder);
    const stop = new AbortController();
    let url: string | null = null;
    load(src, stop.signal).then(
      (blob) => {
        if (stop.signal.aborted) return;
        url = URL.createObjectURL(blob);
        img.src = url;
        placeholder.replaceWith(img);
      },
      () => {
        if (stop.signal.aborted) return;
        placeholder.classList.add('mt-note-image__placeholder--failed');
        placeholder.textContent = img.alt ? `${texts.failed} (${img.alt})` : texts.failed;
      },
    );
    return {
      dom,
      update,
      destroy: () => {
        stop.abort();
        if (url !== null) URL.revokeObjectURL(url);
      },
    };
  };
}

/** The note's extensions, its images shown by `imageView`. */
export function withImageView(extensions: AnyExtension[], load: ImageLoader, texts: ImageViewTexts): AnyExtension[] {
  return extensions.map((extension) => (extension.name === 'image' ? extension.extend({ addNodeView: () => imageView(load, texts) }) : extension));
}
