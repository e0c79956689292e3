import type { ShippingAddress } from '@/lib/orders/schema';

/** A shipping address as it is written on a parcel. */
export function AddressLines({ address }: { address: ShippingAddress }) {
  return (
    <>
      {address.name}
      <br />
      {address.line1}
      {address.line2 ? `, ${address.line2}` : ''}
      <br />
      {address.postalCode} {address.city}, {address.country}
    </>
  );
}
