"use client";
// A contact's channels with their activation state, and (for roles that may change contacts) the
// activation flow: enter the code, resend it, see where it went; and deactivation.
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import { Modal } from "@/components/ui/dialog";
import { fieldAria, FormField, Input } from "@/components/ui/form-field";
import { AbsoluteTime } from "@/components/ui/relative-time";
import { StatusIndicator } from "@/components/ui/status-indicator";
import { useAction } from "@/components/ui/use-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { activateContactChannelAction, deactivateContactChannelAction, sendActivationCodeAction } from "@/lib/console/contacts/actions";
import type { ChannelOutbox, ChannelView } from "@/lib/console/contacts/dto";
import { contactKeys } from "@/lib/console/contacts/keys";
import { errorOf, readJson } from "@/lib/console/core/errors";
import { activationCodeSchema } from "@/lib/console/contacts/schemas";
import { channelTypeLabel, outboxStatusLabel } from "./labels";

const col = columnHelper<ChannelView>();

/**
 * Columns are built once per contact: a cell renderer with a new identity would remount its cell
 * on every refresh (live updates refresh the page), closing an open activation dialog.
 */
function channelColumns(alias: string, canWrite: boolean): Columns<ChannelView> {
  return [
    col.accessor("name", { header: "Name", cell: (c) => <span className="font-bold">{c.getValue()}</span> }),
    col.accessor("type", { header: "Type", cell: (c) => channelTypeLabel(c.getValue()) }),
    // Whole, never broken mid-address: a narrow screen scrolls the table instead (its shadow says so).
    col.accessor("address", { header: "Address", cell: (c) => <span className="whitespace-nowrap">{c.getValue()}</span> }),
    col.accessor("activated", {
      header: "Status",
      cell: (c) => (c.getValue() ? <StatusIndicator type="success">Activated</StatusIndicator> : <StatusIndicator type="info">Not activated</StatusIndicator>),
    }),
    ...(canWrite ? [col.display({ id: "actions", header: "Actions", cell: (c) => <ChannelActions alias={alias} channel={c.row.original} /> })] : []),
  ];
}

export function ChannelsPanel({ alias, channels, canWrite }: { alias: string; channels: ChannelView[]; canWrite: boolean }) {
  const columns = useMemo(() => channelColumns(alias, canWrite), [alias, canWrite]);
  return <DataTable label="Contact channels" columns={columns} data={channels} getRowId={(c) => c.arn} empty="No channels: this contact can't be paged." />;
}

function ChannelActions({ alias, channel }: { alias: string; channel: ChannelView }) {
  const router = useRouter();
  const { error, pending, run } = useAction();
  if (!channel.activated) return <ActivateDialog alias={alias} channel={channel} />;
  return (
    <div className="space-y-1">
      <Button
        variant="link"
        aria-label={`Deactivate ${channel.name}`}
        disabled={pending}
        onClick={() => run(() => deactivateContactChannelAction({ channelArn: channel.arn, alias }), () => router.refresh())}
      >
        {pending ? "Deactivating…" : "Deactivate"}
      </Button>
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}

type CodeValues = { channelArn: string; alias: string; code: string };

function ActivateDialog({ alias, channel }: { alias: string; channel: ChannelView }) {
  const [open, setOpen] = useState(false);
  const [resent, setResent] = useState(false);
  const { error: resendError, pending: resending, run: runResend } = useAction();
  const router = useRouter();
  const form = useForm<CodeValues>({ resolver: zodResolver(activationCodeSchema), defaultValues: { channelArn: channel.arn, alias, code: "" } });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionForm(form.setError, ["code"]);
  const outbox = useQuery({
    queryKey: contactKeys.outbox(channel.arn),
    queryFn: () => readJson<ChannelOutbox>(`/api/contacts/outbox?channelArn=${encodeURIComponent(channel.arn)}`),
    enabled: open,
    staleTime: 0,
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const done = await run(() => activateContactChannelAction(values));
    if (!done) return;
    setOpen(false);
    router.refresh();
  });

  function resend() {
    runResend(
      () => sendActivationCodeAction({ channelArn: channel.arn, alias }),
      async () => {
        setResent(true);
        await outbox.refetch();
      },
    );
  }

  return (
    <Modal
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          form.reset();
          setResent(false);
        }
      }}
      title="Activate contact channel"
      description={`${channel.name}: ${channelTypeLabel(channel.type)} to ${channel.address}`}
      trigger={
        <Button variant="link" aria-label={`Activate ${channel.name}`}>
          Activate
        </Button>
      }
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {formError ? <ErrorAlert error={formError} /> : null}
        <FormField id={`code-${channel.arn}`} label="Activation code" description={`The code sent to ${channel.address}.`} error={errors.code?.message}>
          <Input autoComplete="one-time-code" inputMode="numeric" {...fieldAria(`code-${channel.arn}`, { error: errors.code?.message, description: true })} {...form.register("code")} />
        </FormField>
        <div className="flex flex-wrap justify-end gap-2">
          <Button disabled={resending} onClick={resend}>
            {resending ? "Sending…" : "Resend code"}
          </Button>
          <Button type="submit" variant="primary" disabled={isSubmitting}>
            {isSubmitting ? "Activating…" : "Activate"}
          </Button>
        </div>
        {resent ? <Alert type="success">A new code was sent to {channel.address}. Earlier codes no longer work.</Alert> : null}
        {resendError ? <ErrorAlert error={resendError} /> : null}
        <OutboxView outbox={outbox.data} loading={outbox.isPending} error={outbox.error} />
      </form>
    </Modal>
  );
}

/** Where the codes went: the local notifier's outbox; in aws mode, a note that AWS delivered them. */
function OutboxView({ outbox, loading, error }: { outbox?: ChannelOutbox; loading: boolean; error: Error | null }) {
  return (
    <section aria-label="Where the code went" className="rounded-xl border border-line p-3">
      <h3 className="font-bold">Where the code went</h3>
      {loading ? <p className="text-muted">Loading…</p> : null}
      {error ? <ErrorAlert error={errorOf(error)} /> : null}
      {outbox && !outbox.available ? (
        <p className="text-muted">
          Local mode only. {outbox.reason}
        </p>
      ) : null}
      {outbox?.available ? (
        outbox.messages.length ? (
          <>
            <p className="text-muted">The local notifier&apos;s outbox: what an e-mail or SMS transport delivered, and what it kept when none is configured. Newest first:</p>
            <ol aria-label="Outbox messages" className="mt-2 space-y-2">
              {outbox.messages.map((m) => (
                <li key={m.id} className="rounded-lg bg-[#f4f4f4] p-2">
                  <p className="text-xs text-muted">
                    <AbsoluteTime iso={m.createdAt} /> · {channelTypeLabel(m.channel)} to {m.address} · {outboxStatusLabel(m.status, m.channel)}
                  </p>
                  <p className="break-words">{m.body}</p>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p className="text-muted">No code has been sent to this channel yet: use Resend code.</p>
        )
      ) : null}
    </section>
  );
}
