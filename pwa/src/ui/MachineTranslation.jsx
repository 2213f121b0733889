// Staff editors (activity, contact, message): each language tab says how its text was made, and
// one button fills the empty tabs with a machine translation of the original, for review before
// saving or sending. Typed text is never overwritten.
import { useRef, useState } from "preact/hooks";
import { api } from "../lib/api.js";
import { t, tn } from "../lib/i18n.js";
import { languageName } from "../lib/languages.js";
import { targetsFor } from "../lib/translation-targets.js";
import { Button, ErrorNote } from "./kit.jsx";

const LABELS = {
  original: () => t("Original"),
  machine: () => t("Machine translated"),
  human: () => t("Translated by a person"),
  outdated: () => t("Out of date"),
  edited: () => t("Edited by you"),
};

/** The short word under a tab's language name; null when there is nothing to say. */
export const markLabel = (mark) => LABELS[mark]?.() ?? null;

const blank = (fields) => !fields || Object.values(fields).every((value) => !String(value ?? "").trim());

/**
 * The languages the young people of a municipality read (GET /translation/coverage's
 * `languages`); null when it cannot be asked (a contact's account, offline, an error): then
 * every shipped language is a target. municipalityId: an admin's choice ("" or absent: mine).
 */
export async function audienceLanguages(municipalityId) {
  const path = municipalityId === undefined || municipalityId === null || municipalityId === ""
    ? "/translation/coverage" : `/translation/coverage?municipality_id=${Number(municipalityId)}`;
  try {
    const answer = await api(path);
    return Array.isArray(answer?.languages) ? answer.languages : null;
  } catch {
    return null;
  }
}

/**
 * kind: "activity" | "contact" | "notification"; source: the original language;
 * texts: {code: {field: value}} as the form holds them now; loaded: {code: status} from the API;
 * fill(translations): put {code: fields} into the tabs that are still empty;
 * municipalityId: whose youth read it (an admin's choice; default: the editor's own).
 */
export function useMachineTranslation({ kind, source, texts, loaded = {}, fill, municipalityId }) {
  const [marks, setMarks] = useState(loaded);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState(null);
  // Asked once per editor (and per municipality an admin picks), at the first press.
  const audiences = useRef(new Map());
  const audience = () => {
    const key = String(municipalityId ?? "");
    if (!audiences.current.has(key)) audiences.current.set(key, audienceLanguages(municipalityId));
    return audiences.current.get(key);
  };
  const mark = (code) => (code === source ? "original" : marks[code]);
  const edited = (code) => {
    if (code !== source) setMarks((m) => ({ ...m, [code]: "edited" }));
  };
  const translate = async () => {
    if (blank(texts[source])) return setReport({ note: t("First write the text in the original language.") });
    setBusy(true);
    setReport(null);
    const languages = await audience();
    const targets = targetsFor({ source, texts, loaded, audience: languages });
    if (targets.length === 0) {
      setBusy(false);
      return setReport({ note: languages ? t("Every language of the young people here has a text already.")
        : t("Every language has a text already.") });
    }
    try {
      const answer = await api("/translation/preview", { method: "POST",
        body: { kind, source, targets, texts: texts[source] } });
      const filled = Object.keys(answer.translations || {});
      fill(answer.translations || {});
      setMarks((m) => ({ ...m, ...Object.fromEntries(filled.filter((code) => m[code] !== "edited")
        .map((code) => [code, "machine"])) }));
      setReport({ filled: filled.length, missing: answer.missing || [], off: !answer.provider });
    } catch (error) {
      setReport({ error });
    } finally {
      setBusy(false);
    }
  };
  const status = (code) => (mark(code) ? { key: mark(code), label: markLabel(mark(code)) } : null);
  return { mark, status, edited, translate, busy, report };
}

/** Only the tabs that are still empty get a translation (someone may have typed meanwhile). */
export const fillEmpty = (texts, translations) => ({ ...texts, ...Object.fromEntries(
  Object.entries(translations).filter(([code]) => blank(texts[code]))) });

function Report({ report }) {
  if (!report) return null;
  if (report.error) return <ErrorNote error={report.error} />;
  if (report.note) return <p class="note" role="status">{report.note}</p>;
  if (report.off) return <p class="note" role="status" data-missing="all">{t("Machine translation is not switched on.")}</p>;
  return (
    <div role="status">
      {report.filled > 0 && (
        <p class="note note-ok" data-filled={report.filled}>
          {tn("{count} language filled in by machine. Please check it.",
            "{count} languages filled in by machine. Please check them.", report.filled)}
        </p>
      )}
      {report.missing.length > 0 && (
        <p class="note" data-missing={report.missing.join(" ")}>
          {t("No machine translation for: {languages}",
            { languages: report.missing.map(languageName).join(", ") })}
        </p>
      )}
    </div>
  );
}

/** The button and what came of it. */
export function TranslateMissing({ machine }) {
  return (
    <div class="machine-translate">
      <Button kind="secondary" icon="translate" busy={machine.busy} data-action="translate-missing"
        onClick={machine.translate}>{t("Translate the missing languages")}</Button>
      <Report report={machine.report} />
    </div>
  );
}

/** Above the fields of the active tab: what to check in a machine-made or outdated text. */
export function TabStatusNote({ mark }) {
  if (mark === "machine") return <p class="hint" data-mark="machine">{t("Machine translated. Please check this text.")}</p>;
  if (mark === "outdated") {
    return <p class="hint" data-mark="outdated">{t("The original has changed since this translation. Please check it.")}</p>;
  }
  return null;
}
