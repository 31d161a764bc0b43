"use client";
// The plan's lists of rows: incident tags and tags (key, value), notification targets and chat
// SNS topics (an ARN), runbook parameters (name, values) and dynamic parameters (name, variable).
import type { ReactNode } from "react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { RowEditor, type RowColumn } from "@/components/ui/row-editor";
import type { ResponsePlanFormValues } from "@/lib/console/response-plans/schemas";

export type PlanForm = UseFormReturn<ResponsePlanFormValues>;

type ListName = "incidentTags" | "tags" | "notificationTargets" | "chatSnsTopics" | "parameters" | "dynamicParameters";

/** Rows of one list ("Tag key 1", "Remove tag 1", "Add tag"); with a legend, a named fieldset that says when it is empty. */
export function RowsEditor({
  form,
  name,
  item,
  columns,
  legend,
  hideLegend,
  description,
  max,
}: {
  form: PlanForm;
  name: ListName;
  item: string;
  columns: RowColumn[];
  legend?: string;
  hideLegend?: boolean;
  description?: ReactNode;
  max?: number;
}) {
  const rows = useFieldArray({ control: form.control, name });
  return (
    <RowEditor
      form={form}
      rows={rows}
      name={name}
      item={item}
      columns={columns}
      idPrefix={`plan-${name}`}
      legend={legend}
      hideLegend={hideLegend}
      description={description}
      empty={legend ? `No ${item}s.` : undefined}
      max={max}
    />
  );
}
