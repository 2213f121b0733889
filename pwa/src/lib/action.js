// One way to run what a button or a form starts: busy while it runs, and the error when it
// failed (an ApiError: ErrorNote shows it, its fields go beside the inputs).
import { useState } from "preact/hooks";

/**
 * action(...args) does the work (calls the API, moves on); a thrown error becomes `error`.
 * run(...args) starts it from a button; submit(event) from a form (no page load).
 */
export function useAction(action) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = async (...args) => {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event) => {
    event?.preventDefault();
    return run();
  };
  return { busy, error, run, submit };
}
