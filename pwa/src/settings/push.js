// Web Push on this device: subscribe with the server's current key, re-subscribe after a key change.
import { api } from "../lib/api.js";
import { kvGet, kvPut } from "../lib/store.js";

export const pushSupported = () => "serviceWorker" in navigator && "PushManager" in window &&
  "Notification" in window;

export const isIos = () => /iphone|ipad|ipod/i.test(navigator.userAgent);
export const isStandalone = () => window.matchMedia?.("(display-mode: standalone)").matches ||
  navigator.standalone === true;

function keyBytes(base64url) {
  const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

export async function currentSubscription() {
  if (!pushSupported()) return null;
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

export async function subscribe() {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return { denied: true };
  const { public_key: key, key_id: keyId } = await api("/push/key");
  const registration = await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  const stored = await kvGet("push");
  if (subscription && stored?.keyId !== keyId) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ||= await registration.pushManager.subscribe({
    userVisibleOnly: true, applicationServerKey: keyBytes(key) });
  const saved = await api("/push/subscriptions", { method: "POST",
    body: { ...subscription.toJSON(), application_server_key: key } });
  await kvPut("push", { id: saved.id, keyId });
  return { ok: true };
}

export async function unsubscribe() {
  const stored = await kvGet("push");
  if (stored?.id) await api(`/push/subscriptions/${stored.id}`, { method: "DELETE" }).catch(() => {});
  const subscription = await currentSubscription();
  await subscription?.unsubscribe();
  await kvPut("push", null);
}

/** After a key change on the server, subscribe again (silently, permission already given). */
export async function refreshSubscription() {
  try {
    if (!pushSupported() || Notification.permission !== "granted") return;
    const stored = await kvGet("push");
    if (!stored) return;
    const { key_id: keyId } = await api("/push/key");
    if (keyId !== stored.keyId) await subscribe();
  } catch { /* offline or push not configured */ }
}
