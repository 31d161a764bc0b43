"use client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// Expected backend errors are shown by the pages themselves (with the AWS exception name); this
// catches the unexpected, whose details stay in the server log.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Alert type="error" header="Something went wrong">
      <p>The page could not be shown.{error.digest ? ` (Reference: ${error.digest})` : ""}</p>
      <Button className="mt-3" onClick={reset}>
        Try again
      </Button>
    </Alert>
  );
}
