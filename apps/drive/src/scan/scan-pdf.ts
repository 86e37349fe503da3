/** A4 in PDF points: each photo is fitted in it, centred, keeping its proportions. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 18;

/** One PDF of JPEG pages, in order (pdf-lib, loaded on first use: only the scanner needs it). */
export async function pdfOfJpegs(jpegs: readonly Uint8Array[], title: string): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('MyToutatice');
  for (const bytes of jpegs) {
    const image = await pdf.embedJpg(bytes);
    const scale = Math.min((PAGE.width - 2 * MARGIN) / image.width, (PAGE.height - 2 * MARGIN) / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    pdf.addPage([PAGE.width, PAGE.height]).drawImage(image, {
      x: (PAGE.width - width) / 2,
      y: (PAGE.height - height) / 2,
      width,
      height,
    });
  }
  return pdf.save();
}

/** Photos straight from a phone are 12 MP or more: this is plenty to read a page. */
const MAX_SIDE = 2000;

/**
 * Any picture the browser can decode (JPEG, PNG, HEIC on Safari…), upright (EXIF orientation
 * applied), scaled down and re-encoded as JPEG, the one format every PDF reader draws.
 */
export async function asJpeg(picture: Blob): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(picture, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!jpeg) throw new Error('the picture could not be encoded');
  return new Uint8Array(await jpeg.arrayBuffer());
}
