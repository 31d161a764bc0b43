"use client";
import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * The console's origin as this browser reached it ("https://im.example.com"): the address a tool
 * sending alerts must call. Empty while rendering on the server (the URL is then shown as a path).
 */
export function useOrigin(): string {
  return useSyncExternalStore(
    never,
    () => window.location.origin,
    () => "",
  );
}
