/** Northwind's compass-rose logo; decorative, the brand name is always written next to it. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={className}>
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M16 5l4 11-4 11-4-11z" fill="#fff" />
      <path d="M16 5l4 11h-8z" fill="#fde68a" />
      <circle cx="16" cy="16" r="1.8" fill="currentColor" />
    </svg>
  );
}
