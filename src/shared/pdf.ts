// What every PDF export does the same way with pdfkit: collect the bytes, and draw each page's footer
// inside the bottom margin once the pages are known ("Page n / N" needs the count).

export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

// The document must be created with `bufferPages: true`.
export function drawOnEveryPage(doc: PDFKit.PDFDocument, draw: (page: { index: number; count: number }) => void): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin must not trigger pdfkit's automatic page break.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    draw({ index: i - range.start, count: range.count });
    doc.page.margins.bottom = bottom;
  }
}
