// Money is integer cents everywhere; this is the one place it becomes text.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatPrice(priceCents: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(priceCents / 100);
}
