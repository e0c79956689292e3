import { Badge } from '@/components/ui/badge';

// At or below this many units a shopper is told stock is running low.
export const LOW_STOCK_THRESHOLD = 5;

function stockLabel(stock: number): string {
  if (stock <= 0) return 'Out of stock';
  if (stock <= LOW_STOCK_THRESHOLD) return `Only ${stock} left`;
  return 'In stock';
}

export function StockStatus({ stock }: { stock: number }) {
  const tone = stock <= 0 ? 'danger' : stock <= LOW_STOCK_THRESHOLD ? 'warning' : 'success';
  return (
    <Badge tone={tone} data-testid="stock-status">
      {stockLabel(stock)}
    </Badge>
  );
}
