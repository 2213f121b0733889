// A module loaded the first time it is shown (a screen, or a part only some people need, such
// as the staff's forms), then kept: it costs nothing to those who never see it.
import { useEffect, useState } from "preact/hooks";
import { t } from "../lib/i18n.js";
import { ErrorNote, Loading } from "./kit.jsx";

const loaded = new Map();

/** {Part} (the module's default export) once `load` resolved, {error} if it failed, else null. */
export function useModule(load) {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!load || loaded.has(load)) return;
    load().then(
      (module) => { loaded.set(load, { Part: module.default }); setTick((n) => n + 1); },
      (error) => { loaded.set(load, { error }); setTick((n) => n + 1); },
    );
  }, [load]);
  return load ? loaded.get(load) ?? null : null;
}

/** <Lazy load={() => import("./Part.jsx")} {...props} />: the part with props, once loaded. */
export function Lazy({ load, ...props }) {
  const module = useModule(load);
  if (!module) return <Loading />;
  if (module.error) return <ErrorNote error={{ message: t("You are offline. Try again when you have internet.") }} />;
  const { Part } = module;
  return <Part {...props} />;
}
