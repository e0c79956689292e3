// Draws app/favicon.ico (16 and 32 px) and app/apple-icon.png (180 px) from app/icon.svg, offline, with sharp (it
// comes with Next): browsers and iOS home screens that ask for those files get the same mark as the SVG icon.
// Run: npx tsx scripts/generate-icons.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const APP = join(process.cwd(), 'app');
const svg = readFileSync(join(APP, 'icon.svg'));

const png = (size: number, background?: string) => {
  const image = sharp(svg, { density: (72 * size) / 32 }).resize(size, size);
  return (background ? image.flatten({ background }) : image).png().toBuffer();
};

/** An ICO file holding PNG images (every browser since IE 11 reads those), one directory entry per size. */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ data }) => data)]);
}

async function main() {
  const icons = await Promise.all([16, 32].map(async (size) => ({ size, data: await png(size) })));
  writeFileSync(join(APP, 'favicon.ico'), ico(icons));
  // iOS fills a transparent touch icon with black; the mark's rounded corners are drawn on white instead.
  writeFileSync(join(APP, 'apple-icon.png'), await png(180, '#ffffff'));
  console.log('Wrote app/favicon.ico and app/apple-icon.png.');
}

void main();
