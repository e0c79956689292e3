// Draws public/products/<slug>.svg for every seed product: a gradient in the category's colour family,
// shifted per product, with a line drawing of what the product is. Run: npx tsx scripts/generate-product-images.ts
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { products, type ProductIcon } from '../prisma/seed-data';

const OUTPUT_DIR = join(process.cwd(), 'public', 'products');

// Base hue per category, so a category's products look like a family.
const CATEGORY_HUES: Record<string, number> = {
  kitchen: 18,
  outdoor: 145,
  'desk-and-office': 220,
  home: 330,
  apparel: 265,
};

// Each drawing sits in the 400x400 canvas around the centre, in white strokes (fills use "currentColor").
const ICONS: Record<ProductIcon, string> = {
  mug: `<path d="M130 170h120v90a40 40 0 0 1-40 40h-40a40 40 0 0 1-40-40z"/><path d="M250 190h20a30 30 0 0 1 0 60h-20"/><path d="M160 140c-10-14 10-22 0-36M200 140c-10-14 10-22 0-36"/>`,
  pan: `<circle cx="170" cy="215" r="75"/><circle cx="170" cy="215" r="52" opacity=".5"/><path d="M238 182l80-46"/>`,
  knife: `<path d="M110 250L270 120c14-8 26 6 18 20L170 270z"/><path d="M170 270l-40 40a12 12 0 0 1-18-18l40-40"/>`,
  kettle: `<path d="M130 290h140l-10-100a60 60 0 0 0-120 0z"/><path d="M140 220l-50-40"/><path d="M160 150a40 30 0 0 1 80 0"/><circle cx="200" cy="128" r="8"/>`,
  bowl: `<path d="M100 200h200a100 90 0 0 1-200 0z"/><path d="M165 290h70"/><path d="M150 170c20-20 80-20 100 0" opacity=".6"/>`,
  tent: `<path d="M90 290L200 110l110 180z"/><path d="M200 110v180M170 290l30-70 30 70"/><path d="M70 290h260"/>`,
  backpack: `<rect x="135" y="130" width="130" height="170" rx="40"/><path d="M135 190h130M175 130v-18a25 25 0 0 1 50 0v18"/><rect x="165" y="225" width="70" height="45" rx="10"/>`,
  bottle: `<rect x="175" y="95" width="50" height="30" rx="8"/><path d="M165 125h70l15 35v130a15 15 0 0 1-15 15h-70a15 15 0 0 1-15-15V160z"/><path d="M150 200h100" opacity=".6"/>`,
  lantern: `<path d="M175 110a25 25 0 0 1 50 0"/><rect x="150" y="125" width="100" height="25" rx="6"/><rect x="160" y="150" width="80" height="120" rx="14"/><rect x="145" y="270" width="110" height="22" rx="6"/><path d="M200 180c-18 24 -6 50 0 50s18-26 0-50z"/>`,
  compass: `<circle cx="200" cy="200" r="95"/><path d="M200 120l25 80-25 80-25-80z"/><circle cx="200" cy="200" r="8"/>`,
  notebook: `<rect x="125" y="100" width="150" height="200" rx="12"/><path d="M155 100v200"/><path d="M185 150h60M185 180h60M185 210h40"/><path d="M240 300v30l12-10 12 10v-30" opacity=".8"/>`,
  pen: `<path d="M120 280l30-10 140-140-20-20-140 140z"/><path d="M250 110l20-20 40 40-20 20"/><path d="M120 280l-10 30 30-10"/>`,
  lamp: `<path d="M130 300h100"/><path d="M180 300v-10l-30-80 70-70"/><path d="M200 120l60-10 30 60-60 10z"/><circle cx="150" cy="210" r="8"/>`,
  chair: `<path d="M145 110h110v100H145z"/><path d="M130 210h140v30H130z"/><path d="M200 240v40M150 300l50-20 50 20"/>`,
  clock: `<circle cx="200" cy="200" r="95"/><path d="M200 135v65l45 30"/><path d="M200 112v8M200 280v8M112 200h8M280 200h8"/>`,
  plant: `<path d="M140 230h120l-15 75h-90z"/><path d="M200 230V150"/><path d="M200 190c-50 0-70-40-60-70 40 0 60 30 60 70z"/><path d="M200 170c40 0 65-30 55-65-35 0-55 25-55 65z"/>`,
  candle: `<rect x="140" y="170" width="120" height="130" rx="16"/><path d="M140 205h120" opacity=".6"/><path d="M200 170v-25"/><path d="M200 95c-20 22-14 45 0 45s20-23 0-45z"/>`,
  blanket: `<rect x="100" y="135" width="200" height="55" rx="12"/><rect x="110" y="190" width="180" height="55" rx="12"/><rect x="100" y="245" width="200" height="55" rx="12"/><path d="M130 135v55M270 190v55M130 245v55" opacity=".6"/>`,
  vase: `<path d="M175 100h50v30c0 20 45 40 45 95 0 50-30 75-70 75s-70-25-70-75c0-55 45-75 45-95z"/><path d="M140 220h120" opacity=".6"/>`,
  shirt: `<path d="M165 105l-75 40 25 55 30-15v115h110V185l30 15 25-55-75-40c-5 20-20 30-35 30s-30-10-35-30z"/>`,
  hat: `<path d="M110 260c0-80 40-130 90-130s90 50 90 130"/><rect x="100" y="250" width="200" height="45" rx="12"/><circle cx="200" cy="112" r="18"/><path d="M150 250v-60M200 250v-80M250 250v-60" opacity=".5"/>`,
  sock: `<path d="M170 95h70v130l40 30c25 20 10 60-25 55l-90-20c-25-5-25-35-10-50l15-15z"/><path d="M170 130h70" opacity=".7"/>`,
  scarf: `<path d="M110 140c30-20 60 20 90 0s60-20 90 0v50c-30-20-60 20-90 0s-60-20-90 0z"/><path d="M230 190v100h50V180"/><path d="M235 290v20M250 290v20M265 290v20M278 290v20"/>`,
  bag: `<path d="M120 160h160l-12 140H132z"/><path d="M160 160v-20a40 40 0 0 1 80 0v20"/><path d="M150 210h100" opacity=".6"/>`,
};

function hashNumber(text: string, salt: string): number {
  return createHash('sha256').update(`${salt}:${text}`).digest().readUInt32BE(0);
}

function productSvg(slug: string, category: string, icon: ProductIcon): string {
  const baseHue = CATEGORY_HUES[category] ?? 200;
  // A product's hue stays within ±25° of its category so siblings are related but never identical.
  const hue = baseHue + (hashNumber(slug, 'hue') % 50) - 25;
  const angle = hashNumber(slug, 'angle') % 360;
  const blobX = 60 + (hashNumber(slug, 'x') % 280);
  const blobY = 60 + (hashNumber(slug, 'y') % 280);
  const ringRadius = 40 + (hashNumber(slug, 'r') % 60);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="800" height="800" role="img" aria-hidden="true">
  <defs>
    <linearGradient id="bg" gradientTransform="rotate(${angle} 0.5 0.5)">
      <stop offset="0" stop-color="hsl(${hue} 70% 62%)"/>
      <stop offset="1" stop-color="hsl(${hue + 35} 60% 36%)"/>
    </linearGradient>
    <radialGradient id="glow" cx="0.5" cy="0.45" r="0.5">
      <stop offset="0" stop-color="#fff" stop-opacity=".35"/>
      <stop offset="1" stop-color="#fff" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="400" height="400" fill="url(#bg)"/>
  <circle cx="${blobX}" cy="${blobY}" r="${ringRadius + 90}" fill="#fff" opacity=".08"/>
  <circle cx="${400 - blobX}" cy="${400 - blobY}" r="${ringRadius}" fill="none" stroke="#fff" stroke-width="14" opacity=".12"/>
  <circle cx="200" cy="200" r="150" fill="url(#glow)"/>
  <g fill="none" stroke="#fff" stroke-width="10" stroke-linecap="round" stroke-linejoin="round">
    ${ICONS[icon]}
  </g>
</svg>
`;
}

mkdirSync(OUTPUT_DIR, { recursive: true });
for (const product of products) {
  writeFileSync(
    join(OUTPUT_DIR, `${product.slug}.svg`),
    productSvg(product.slug, product.category, product.icon),
  );
}
console.log(`Wrote ${products.length} images to ${OUTPUT_DIR}`);
