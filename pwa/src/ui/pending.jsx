// Shows sign-ups and cancellations made offline that still wait to be sent, and those the
// server refused when they were sent (kept until the young person has seen them).
import { useEffect, useState } from "preact/hooks";
import { tn } from "../lib/i18n.js";
import { flush, onQueueChange, queued } from "../lib/queue.js";

function useQueue() {
  const [items, setItems] = useState([]);
  useEffect(() => {
    const update = () => queued().then(setItems);
    update();
    return onQueueChange(update);
  }, []);
  return items;
}

/** Items still waiting to be sent. */
export function usePending() {
  return useQueue().filter((item) => !item.refused);
}

/** Items the server refused when they were sent: {activityId, kind, refused: {message}}. */
export function useRefused() {
  return useQueue().filter((item) => item.refused);
}

export function PendingBar() {
  const all = useQueue();
  const items = all.filter((item) => !item.refused);
  const refused = all.length - items.length;
  useEffect(() => {
    const online = () => flush();
    window.addEventListener("online", online);
    if (navigator.onLine) flush();
    return () => window.removeEventListener("online", online);
  }, []);
  if (!items.length && !refused) return null;
  return (
    <>
      {items.length > 0 && (
        <p class="pending-bar" role="status">
          {tn("{count} change waits to be sent when you are online.",
              "{count} changes wait to be sent when you are online.", items.length)}
        </p>
      )}
      {refused > 0 && (
        <p class="refused-bar" role="alert">
          {tn("{count} change you made offline did not go through. Open the activity to see why.",
              "{count} changes you made offline did not go through. Open the activities to see why.",
              refused)}
        </p>
      )}
    </>
  );
}
