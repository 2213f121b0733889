import { render } from "preact";
import { effect } from "@preact/signals";
import "./app.css";
import { App } from "./app.jsx";
import { initialLanguage, lang, setLanguage, t } from "./lib/i18n.js";
import { loadSession } from "./lib/session.js";
import { kvPut } from "./lib/store.js";

function whenIdle(fn) {
  const later = () => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 4000 })
                                                  : setTimeout(fn, 1500));
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
}

async function start() {
  const [, user] = await Promise.all([setLanguage(initialLanguage(), { remember: false }),
                                      loadSession()]);
  if (user?.ui_language && user.ui_language !== lang()) {
    await setLanguage(user.ui_language);
  }
  render(<App />, document.getElementById("app"));
  // Everything else waits until the first screen is shown and the phone is idle: the service
  // worker's precache download should not compete with the first screen on a slow connection.
  whenIdle(() => {
    // The service worker shows this if a push message arrives empty or broken, and the note
    // under a machine translated message, in the user's language (t() reads the language
    // signal, so the effect runs again after a switch).
    effect(() => {
      kvPut("fallback", { title: "Meedoen", body: t("You have a new message."),
                          machine: t("Machine translated") });
    });
    navigator.serviceWorker?.register("/sw.js", { scope: "/" }).catch(() => {});
  });
}

start();
