import clsx from "clsx";
import Link from "next/link";
import type { ComponentProps } from "react";

export type ButtonVariant = "primary" | "normal" | "link";

const base =
  "inline-flex items-center justify-center gap-1.5 rounded-full px-5 py-1 text-sm font-bold leading-6 whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-50";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-orange text-white border-2 border-orange hover:bg-orange-dark hover:border-orange-dark",
  normal: "bg-white text-link border-2 border-link hover:bg-info-bg hover:text-link-dark hover:border-link-dark",
  link: "text-link border-2 border-transparent hover:bg-info-bg hover:text-link-dark",
};

export function buttonClass(variant: ButtonVariant = "normal", className?: string) {
  return clsx(base, variants[variant], className);
}

export function Button({ variant = "normal", className, type = "button", ...props }: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ variant = "normal", className, ...props }: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
