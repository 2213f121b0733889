// Shows sign-ups and cancellations made offline that still wait to be sent.
import { useEffect, useState } from "preact/hooks";
import { tn } from "../lib/i18n.js";
import { flush, onQueueChange, queued } from "../lib/queue.js";

export function usePending() {
  const [items, setItems] = useState([]);
  useEffect(() => {
    const update = () => queued().then(setItems);
    update();
    return onQueueChange(update);
  }, []);
  return items;
}

export function PendingBar() {
  const items = usePending();
  useEffect(() => {
    const online = () => flush();
    window.addEventListener("online", online);
    if (navigator.onLine) flush();
    return () => window.removeEventListener("online", online);
  }, []);
  if (!items.length) return null;
  return (
    <p class="pending-bar" role="status">
      {tn("{count} change waits to be sent when you are online.",
          "{count} changes wait to be sent when you are online.", items.length)}
    </p>
  );
}
