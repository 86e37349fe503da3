import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfOfJpegs } from './scan-pdf.ts';

/** The smallest JPEG there is (1×1, grey), base64. */
const PIXEL =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=';

describe(pdfOfJpegs.name, () => {
  it('makes one A4 page per picture, in the order given, titled', async () => {
    const jpeg = Uint8Array.from(atob(PIXEL), (c) => c.charCodeAt(0));
    const bytes = await pdfOfJpegs([jpeg, jpeg, jpeg], 'Scan du 29/11/2026');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(3);
    expect(pdf.getTitle()).toBe('Scan du 29/11/2026');
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
  });
});
