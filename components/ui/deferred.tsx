"use client";
import { lazy, Suspense, useState, type ComponentType, type ReactElement, type ReactNode } from "react";

/** What a deferred control's stand-in gets: call `activate` when it is used, `warm` when it is about to be. */
export type StandInProps = { activate: () => void; warm: () => void; busy: boolean };

/**
 * A control whose code loads on first use: a dialog with a form, a menu. Until then the page shows
 * `StandIn` — the same button, without the dialog's or menu's code (react-hook-form, the menu's
 * positioning engine). Pointing at or focusing the stand-in starts the download; pressing it
 * swaps in the real component, opened (`defaultOpen`), which from then on is the control.
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P & { defaultOpen?: boolean }>>,
  StandIn: ComponentType<P & StandInProps>,
): ComponentType<P> {
  let loading: Promise<ComponentType<P & { defaultOpen?: boolean }>> | undefined;
  const warm = () => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined; // a failed download is tried again on the next use
      throw err;
    });
    return loading;
  };
  const Real = lazy(() => warm().then((component) => ({ default: component })));
  const noop = () => {};

  function Deferred(props: P): ReactElement {
    const [used, setUsed] = useState(false);
    if (!used) {
      const activate = () => {
        void warm().catch(noop);
        setUsed(true);
      };
      return <StandIn {...props} activate={activate} warm={() => void warm().catch(noop)} busy={false} />;
    }
    return (
      <Suspense fallback={<StandIn {...props} activate={noop} warm={noop} busy />}>
        <Real {...props} defaultOpen />
      </Suspense>
    );
  }
  return Deferred;
}

/** The usual stand-in: the button that opens the dialog or menu, as it will look. */
export function standInButton(label: ReactNode, className?: string) {
  return function StandInButton({ activate, warm, busy }: StandInProps) {
    return (
      <button type="button" className={className} onClick={activate} onPointerEnter={warm} onFocus={warm} aria-busy={busy || undefined}>
        {label}
      </button>
    );
  };
}
