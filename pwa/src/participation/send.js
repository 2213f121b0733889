// A check-in is sent now, or queued like a sign-up (Idempotency-Key, sent once when back
// online). The queue's activityId is unique per check-in so that it never cancels out a
// pending sign-up of the same activity.
import { api, isUnreachable } from "../lib/api.js";
import { enqueue, newKey } from "../lib/queue.js";

export async function sendCheckin(path, body, queueId) {
  const key = newKey();
  try {
    if (!navigator.onLine) throw Object.assign(new Error("offline"), { status: 0 });
    return { done: await api(path, { method: "POST", body, idempotencyKey: key }) };
  } catch (err) {
    if (!isUnreachable(err)) throw err;
    await enqueue({ kind: "checkin", activityId: `checkin:${queueId}`, method: "POST", path,
                    body, key, unreachable: err.status !== 0 });
    return { queued: true };
  }
}
