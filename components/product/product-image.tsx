import Image from 'next/image';
import type { ComponentProps } from 'react';

type ProductImageProps = Omit<
  ComponentProps<typeof Image>,
  'src' | 'alt' | 'width' | 'height' | 'unoptimized'
> & {
  src: string;
  alt: string;
};

/** The product's square SVG, served as is: the image optimizer has nothing to gain on a vector. */
export function ProductImage({ src, alt, className, ...props }: ProductImageProps) {
  return (
    <Image
      src={src}
      alt={alt}
      width={800}
      height={800}
      unoptimized
      className={['aspect-square h-auto w-full object-cover', className].filter(Boolean).join(' ')}
      {...props}
    />
  );
}
