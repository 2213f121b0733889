// Written text the API translated by machine (translation: "machine" or "outdated"): a small
// note, and the original one tap away (it arrives in the same answer as `original`).
import { useState } from "preact/hooks";
import { t } from "../lib/i18n.js";
import { dirOf, languageName } from "../lib/languages.js";
import { Icon } from "./icons.jsx";
import { UserText } from "./kit.jsx";

/** A text the reader may want to check against its original. */
export const isMachineMade = (text) => text?.translation === "machine" || text?.translation === "outdated";

const markLabel = (text) => (text.translation === "outdated"
  ? t("This translation may be out of date.") : t("Machine translated"));

/** The text to show, and a toggle between the translation and its original (when it came along). */
export function useOriginal(text) {
  const [wantOriginal, setWantOriginal] = useState(false);
  const available = isMachineMade(text) && Boolean(text.original);
  const showingOriginal = available && wantOriginal;
  return {
    shown: showingOriginal ? { ...text, ...text.original } : text,
    showingOriginal,
    toggle: available ? () => setWantOriginal(!wantOriginal) : null,
  };
}

/** "Machine translated · Show the original", and back; nothing for a text people wrote. */
export function TranslationNote({ text, showingOriginal, toggle }) {
  if (!isMachineMade(text)) return null;
  const note = showingOriginal
    ? t("The original text ({language})", { language: languageName(text.original.language) })
    : markLabel(text);
  return (
    <p class="translation-note" data-translation={showingOriginal ? "original" : text.translation}>
      <span aria-live="polite"><Icon name="translate" size={18} />{note}</span>
      {toggle && (
        <button type="button" class="link-button" data-action="toggle-original" onClick={toggle}>
          {showingOriginal ? t("Show the translation") : t("Show the original")}
        </button>
      )}
    </p>
  );
}

/** One field of a translated text (e.g. a message's body) with its note below it. */
export function Translated({ text, field, as = "p", html = false, plainLinks = false, class: className }) {
  const { shown, ...state } = useOriginal(text);
  if (!text) return null;
  return (
    <>
      <UserText as={as} html={html} plainLinks={plainLinks} class={className} text={shown[field]} language={shown.language}
        dir={dirOf(shown.language)} />
      <TranslationNote text={text} {...state} />
    </>
  );
}

/** The note alone, for list cards (the original is one tap away on the detail screen). */
export function MachineMark({ text }) {
  if (!isMachineMade(text)) return null;
  return (
    <span class="machine-mark" data-translation={text.translation}>
      <Icon name="translate" size={18} />{markLabel(text)}
    </span>
  );
}
