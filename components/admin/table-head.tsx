/** The header row of an admin table. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead className="border-b border-slate-200 text-slate-600">
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" className="px-4 py-3 font-medium">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
