"use client";
// A table as Cloudscape draws one (TanStack Table v9 for the model; markup and styles are ours).
import { createColumnHelper, tableFeatures, useTable, type ColumnDef, type RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";

const features = tableFeatures({});
export type TableFeatureSet = typeof features;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a column list mixes value types, as TanStack's own examples type it
export type Columns<T extends RowData> = ColumnDef<TableFeatureSet, T, any>[];

/** Column helper bound to this table's feature set. */
export function columnHelper<T extends RowData>() {
  return createColumnHelper<TableFeatureSet, T>();
}

export function DataTable<T extends RowData>({
  label,
  columns,
  data,
  getRowId,
  empty,
  loading,
}: {
  label: string;
  columns: Columns<T>;
  data: T[];
  getRowId: (row: T) => string;
  empty: ReactNode;
  loading?: boolean;
}) {
  const table = useTable({ features, columns, data, getRowId });
  const rows = table.getRowModel().rows;
  return (
    // relative: positioned content (sr-only header text) scrolls and clips with the table;
    // scroll-cue: a shadow on the side a phone has cut off (app/globals.css).
    <div className="relative scroll-cue rounded-2xl">
      <table aria-label={label} aria-busy={loading || undefined} className="w-full border-collapse text-left">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b-2 border-line-strong">
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-5 py-2 font-bold whitespace-nowrap text-muted">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-5 py-8 text-muted">
                {/* Kept in view while a table wider than a phone scrolls sideways, and wrapped to the screen's width. */}
                <div className="sticky left-5 w-[min(100%,calc(100vw-5rem))] text-center">{loading ? "Loading…" : empty}</div>
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className="border-b border-line last:border-b-0 hover:bg-[#f4f4f4]">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-5 py-2.5 align-top">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
