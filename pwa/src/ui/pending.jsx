// Shows sign-ups and cancellations made offline that still wait to be sent, and those the
// server refused when they were sent (kept until the young person has seen them). The items
// are the signals of lib/queue-state.js.
import { useEffect } from "preact/hooks";
import { tn } from "../lib/i18n.js";
import { flush } from "../lib/queue.js";
import { pending, refused } from "../lib/queue-state.js";

export function PendingBar() {
  const items = pending.value;
  const refusedCount = refused.value.length;
  useEffect(() => {
    const online = () => flush();
    window.addEventListener("online", online);
    if (navigator.onLine) flush();
    return () => window.removeEventListener("online", online);
  }, []);
  if (!items.length && !refusedCount) return null;
  return (
    <>
      {items.length > 0 && (
        <p class="pending-bar" role="status">
          {tn("{count} change waits to be sent when you are online.",
              "{count} changes wait to be sent when you are online.", items.length)}
        </p>
      )}
      {refusedCount > 0 && (
        <p class="refused-bar" role="alert">
          {tn("{count} change you made offline did not go through. Open the activity to see why.",
              "{count} changes you made offline did not go through. Open the activities to see why.",
              refusedCount)}
        </p>
      )}
    </>
  );
}
