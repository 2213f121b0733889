// The offline queue as the screens see it: the signal `queue` (every item kept on this phone),
// and from it `pending` (still to be sent) and `refused` (refused when it was sent, kept to tell
// the young person: {activityId, kind, refused: {status, code, message}}). Components read
// `pending.value` / `refused.value`. lib/queue.js stores and sends the items (in the service
// worker too) and announces each change; then this module reads the queue again.
import { computed, effect, signal } from "@preact/signals";
import { QUEUE_CHANGED, queued } from "./queue.js";
import { currentUser } from "./session.js";

export const queue = signal([]);
export const pending = computed(() => queue.value.filter((item) => !item.refused));
export const refused = computed(() => queue.value.filter((item) => item.refused));

let reads = 0;
export async function readQueue() {
  const mine = ++reads;
  const items = await queued();
  if (mine === reads) queue.value = items; // an older read that ends late changes nothing
}

// Changed on this page, in another tab, or by the service worker (Background Sync).
window.addEventListener(QUEUE_CHANGED, readQueue);
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(QUEUE_CHANGED) : null;
if (channel) {
  channel.onmessage = readQueue;
  channel.unref?.(); // node (unit tests): do not keep the process alive
}
// Logged in, out (the queue was cleared) or as someone else: read it again.
effect(() => { void currentUser.value; readQueue(); });
