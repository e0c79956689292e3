/** The shape of AuthCard while a page that reads its link's token streams in. */
export function AuthCardSkeleton() {
  return (
    <div className="mx-auto flex w-full max-w-md flex-col px-4 py-16" aria-busy="true">
      <div className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="h-8 w-48 animate-pulse rounded-lg bg-slate-200" />
        <div className="h-4 w-full animate-pulse rounded bg-slate-200" />
        <div className="mt-4 h-10 w-full animate-pulse rounded-lg bg-slate-200" />
        <div className="h-12 w-full animate-pulse rounded-lg bg-slate-200" />
      </div>
    </div>
  );
}
