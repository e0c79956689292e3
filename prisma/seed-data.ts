// The demo catalog: what `npm run db:seed` writes and what scripts/generate-product-images.ts draws.
// Prices are integer cents. A few products are out of stock and some are low, so the storefront shows every state.

export type SeedCategory = { slug: string; name: string; description: string };

/** The drawing on a product's image; scripts/generate-product-images.ts has one for each. */
export type ProductIcon =
  | 'mug'
  | 'pan'
  | 'knife'
  | 'kettle'
  | 'bowl'
  | 'tent'
  | 'backpack'
  | 'bottle'
  | 'lantern'
  | 'compass'
  | 'notebook'
  | 'pen'
  | 'lamp'
  | 'chair'
  | 'clock'
  | 'plant'
  | 'candle'
  | 'blanket'
  | 'vase'
  | 'shirt'
  | 'hat'
  | 'sock'
  | 'scarf'
  | 'bag';

export type SeedProduct = {
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  stock: number;
  featured?: boolean;
  category: string;
  icon: ProductIcon;
  /** When the product joined the catalog (ISO date), so "newest" has a stable, meaningful order. */
  addedOn: string;
};

export const categories: SeedCategory[] = [
  {
    slug: 'kitchen',
    name: 'Kitchen',
    description: 'Cookware, knives and tableware that earn their place on the counter.',
  },
  {
    slug: 'outdoor',
    name: 'Outdoor',
    description: 'Packs, shelter and trail gear for weekends away from the screen.',
  },
  {
    slug: 'desk-and-office',
    name: 'Desk & Office',
    description: 'Notebooks, pens and lighting for a desk you want to sit at.',
  },
  {
    slug: 'home',
    name: 'Home',
    description: 'Textiles, plants and small comforts for every room.',
  },
  {
    slug: 'apparel',
    name: 'Apparel',
    description: 'Hard-wearing basics in natural fibres, made to be worn for years.',
  },
];

export const products: SeedProduct[] = [
  {
    slug: 'stoneware-coffee-mug',
    name: 'Stoneware Coffee Mug',
    description:
      'A 12 oz mug thrown in speckled stoneware with a reactive glaze. Thick walls keep coffee hot; the wide handle fits four fingers. Dishwasher and microwave safe.',
    priceCents: 2400,
    stock: 48,
    featured: true,
    category: 'kitchen',
    icon: 'mug',
    addedOn: '2026-02-03',
  },
  {
    slug: 'cast-iron-skillet',
    name: 'Cast Iron Skillet 10"',
    description:
      'Pre-seasoned cast iron that sears, bakes and goes straight from stovetop to oven. Pours from either side and gets better with every use.',
    priceCents: 4900,
    stock: 22,
    featured: true,
    category: 'kitchen',
    icon: 'pan',
    addedOn: '2025-11-12',
  },
  {
    slug: 'chefs-knife-8-inch',
    name: 'Chef\'s Knife 8"',
    description:
      'Forged from high-carbon German steel with a full tang and a riveted walnut handle. Sharpened to 15 degrees per side for clean, effortless cuts.',
    priceCents: 8900,
    stock: 3,
    category: 'kitchen',
    icon: 'knife',
    addedOn: '2025-10-08',
  },
  {
    slug: 'gooseneck-pour-over-kettle',
    name: 'Gooseneck Pour-Over Kettle',
    description:
      'A stainless steel kettle with a slim gooseneck spout for a slow, steady pour. Built-in thermometer in the lid. Works on gas, electric and induction.',
    priceCents: 5800,
    stock: 0,
    category: 'kitchen',
    icon: 'kettle',
    addedOn: '2026-01-20',
  },
  {
    slug: 'olive-wood-serving-bowl',
    name: 'Olive Wood Serving Bowl',
    description:
      'Hand-carved from a single piece of olive wood, so no two grains are alike. Sized for salads and bread; finish with food-safe oil now and then.',
    priceCents: 6400,
    stock: 9,
    category: 'kitchen',
    icon: 'bowl',
    addedOn: '2025-09-15',
  },
  {
    slug: 'linen-tea-towel-set',
    name: 'Linen Tea Towel Set',
    description:
      'Three stonewashed tea towels in 100% European flax linen. Lint-free on glassware, quick to dry, and softer with every wash.',
    priceCents: 2800,
    stock: 64,
    category: 'kitchen',
    icon: 'blanket',
    addedOn: '2026-03-02',
  },
  {
    slug: 'two-person-backpacking-tent',
    name: 'Two-Person Backpacking Tent',
    description:
      'A freestanding three-season tent that packs down to 2.1 kg. Two doors, two vestibules and a fully taped ripstop fly for wet nights.',
    priceCents: 32900,
    stock: 6,
    featured: true,
    category: 'outdoor',
    icon: 'tent',
    addedOn: '2026-02-18',
  },
  {
    slug: 'trail-daypack-28l',
    name: 'Trail Daypack 28L',
    description:
      'A lightweight daypack with a ventilated back panel, hip belt pockets and a hydration sleeve. Water-resistant recycled nylon with a rain cover in the base.',
    priceCents: 11900,
    stock: 31,
    category: 'outdoor',
    icon: 'backpack',
    addedOn: '2025-12-01',
  },
  {
    slug: 'insulated-water-bottle',
    name: 'Insulated Water Bottle',
    description:
      'Double-walled stainless steel keeps water cold for 24 hours or coffee hot for 12. Leakproof lid with a carry loop; 750 ml.',
    priceCents: 3200,
    stock: 120,
    featured: true,
    category: 'outdoor',
    icon: 'bottle',
    addedOn: '2025-08-22',
  },
  {
    slug: 'rechargeable-camp-lantern',
    name: 'Rechargeable Camp Lantern',
    description:
      'A 400-lumen LED lantern with warm and cool modes, a dimmer and a USB-C battery that lasts three nights. Doubles as a power bank.',
    priceCents: 4500,
    stock: 2,
    category: 'outdoor',
    icon: 'lantern',
    addedOn: '2026-01-09',
  },
  {
    slug: 'baseplate-compass',
    name: 'Baseplate Compass',
    description:
      'A liquid-filled compass with a declination adjustment, luminous bezel and magnifier for map work. Reliable when the phone battery is not.',
    priceCents: 2900,
    stock: 0,
    category: 'outdoor',
    icon: 'compass',
    addedOn: '2025-07-30',
  },
  {
    slug: 'dot-grid-notebook',
    name: 'Dot Grid Notebook A5',
    description:
      'A lay-flat notebook with 192 numbered pages of 100 gsm dot grid paper that takes fountain pen ink without bleeding. Linen cover, two ribbons.',
    priceCents: 1900,
    stock: 85,
    featured: true,
    category: 'desk-and-office',
    icon: 'notebook',
    addedOn: '2026-02-25',
  },
  {
    slug: 'brass-fountain-pen',
    name: 'Brass Fountain Pen',
    description:
      'A solid brass fountain pen that develops a warm patina as you write. Fine steel nib; takes standard international cartridges or a converter.',
    priceCents: 6800,
    stock: 14,
    category: 'desk-and-office',
    icon: 'pen',
    addedOn: '2025-10-27',
  },
  {
    slug: 'articulated-desk-lamp',
    name: 'Articulated Desk Lamp',
    description:
      'A spring-balanced arm that stays exactly where you put it, with a dimmable, flicker-free LED head. Powder-coated steel in matte charcoal.',
    priceCents: 12900,
    stock: 4,
    featured: true,
    category: 'desk-and-office',
    icon: 'lamp',
    addedOn: '2026-03-10',
  },
  {
    slug: 'ergonomic-task-chair',
    name: 'Ergonomic Task Chair',
    description:
      'Adjustable lumbar support, seat depth and 4D armrests under a breathable mesh back. Built for long days at the desk; ten-year warranty.',
    priceCents: 42900,
    stock: 0,
    category: 'desk-and-office',
    icon: 'chair',
    addedOn: '2025-11-30',
  },
  {
    slug: 'walnut-desk-clock',
    name: 'Walnut Desk Clock',
    description:
      'A silent-sweep quartz movement in a solid walnut case. No ticking, no glow, just the time at a glance.',
    priceCents: 5400,
    stock: 18,
    category: 'desk-and-office',
    icon: 'clock',
    addedOn: '2025-06-14',
  },
  {
    slug: 'felt-desk-organizer',
    name: 'Felt Desk Organizer',
    description:
      'Pressed wool felt tray with compartments for pens, cards and cables. Soft enough to protect your desk, stiff enough to hold its shape.',
    priceCents: 3400,
    stock: 27,
    category: 'desk-and-office',
    icon: 'bag',
    addedOn: '2026-01-28',
  },
  {
    slug: 'ceramic-planter-with-saucer',
    name: 'Ceramic Planter with Saucer',
    description:
      'A matte glazed planter with a drainage hole and matching saucer, for a 15 cm nursery pot. Suits snake plants, pothos and anything green.',
    priceCents: 3600,
    stock: 40,
    category: 'home',
    icon: 'plant',
    addedOn: '2025-09-03',
  },
  {
    slug: 'soy-wax-candle-cedar',
    name: 'Soy Wax Candle, Cedar & Sage',
    description:
      'Hand-poured soy wax with a cotton wick and notes of cedarwood, sage and smoke. About 50 hours of clean burn in a reusable amber jar.',
    priceCents: 2600,
    stock: 5,
    featured: true,
    category: 'home',
    icon: 'candle',
    addedOn: '2026-03-14',
  },
  {
    slug: 'merino-throw-blanket',
    name: 'Merino Throw Blanket',
    description:
      'A generous 130 x 180 cm throw woven from soft merino wool in a classic herringbone. Warm without weight, at home on any sofa.',
    priceCents: 15900,
    stock: 12,
    category: 'home',
    icon: 'blanket',
    addedOn: '2025-10-19',
  },
  {
    slug: 'hand-blown-glass-vase',
    name: 'Hand-Blown Glass Vase',
    description:
      'Mouth-blown recycled glass with a faint green tint and the small bubbles that prove it was made by hand. 24 cm tall.',
    priceCents: 4200,
    stock: 7,
    category: 'home',
    icon: 'vase',
    addedOn: '2025-12-16',
  },
  {
    slug: 'waffle-cotton-bath-towel',
    name: 'Waffle Cotton Bath Towel',
    description:
      'A lightweight waffle weave in 100% long-staple cotton that dries fast and gets plusher with every wash. Oversized at 90 x 160 cm.',
    priceCents: 3900,
    stock: 1,
    category: 'home',
    icon: 'scarf',
    addedOn: '2026-02-09',
  },
  {
    slug: 'organic-cotton-tee',
    name: 'Organic Cotton Tee',
    description:
      'A mid-weight crew neck in 100% organic cotton jersey, garment-dyed for a lived-in colour. Pre-shrunk, cut for a relaxed fit.',
    priceCents: 3200,
    stock: 150,
    featured: true,
    category: 'apparel',
    icon: 'shirt',
    addedOn: '2026-03-05',
  },
  {
    slug: 'merino-wool-beanie',
    name: 'Merino Wool Beanie',
    description:
      'A rib-knit beanie in fine merino that keeps warm without itching and stays fresh for days on the trail. One size, with a fold-up cuff.',
    priceCents: 2900,
    stock: 0,
    category: 'apparel',
    icon: 'hat',
    addedOn: '2025-11-04',
  },
  {
    slug: 'hiking-socks-3-pack',
    name: 'Hiking Socks, 3-Pack',
    description:
      'Cushioned merino blend socks with a reinforced heel and toe and a seamless toe box. Made for long days in boots.',
    priceCents: 2400,
    stock: 73,
    category: 'apparel',
    icon: 'sock',
    addedOn: '2025-08-11',
  },
  {
    slug: 'waxed-canvas-tote',
    name: 'Waxed Canvas Tote',
    description:
      'Heavy waxed cotton canvas with leather handles and an inside zip pocket. Shrugs off rain and wears in like a favourite jacket.',
    priceCents: 7800,
    stock: 11,
    category: 'apparel',
    icon: 'bag',
    addedOn: '2026-01-14',
  },
  {
    slug: 'lambswool-scarf',
    name: 'Lambswool Scarf',
    description:
      'Woven in Scotland from soft lambswool in a muted tartan, finished with a short fringe. Long enough to wrap twice.',
    priceCents: 5900,
    stock: 19,
    category: 'apparel',
    icon: 'scarf',
    addedOn: '2025-10-02',
  },
  {
    slug: 'camp-enamel-mug',
    name: 'Camp Enamel Mug',
    description:
      'A classic enamelled steel mug with a rolled rim, light enough for the pack and tough enough for the campfire. Holds 350 ml.',
    priceCents: 1600,
    stock: 58,
    category: 'outdoor',
    icon: 'mug',
    addedOn: '2025-07-08',
  },
];
