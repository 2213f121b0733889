// Written text the API localized: a note when it is not in the reader's language (fallback),
// a note when a machine translated it (translation: "machine" or "outdated") with the original
// one tap away (it arrives in the same answer as `original`).
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

/** "Shown in Tigrinya — not yet translated." when the text is not in the reader's language. */
function FallbackNote({ text }) {
  if (!text.fallback) return null;
  return (
    <p class="note" data-fallback={text.language}>
      {t("Shown in {language} — not yet translated.", { language: languageName(text.language) })}
    </p>
  );
}

/**
 * One field of a localized text (a description, a message's body) after what the reader should
 * know about it: not yet translated, machine translated (with the original one tap away).
 * original: the screen's useOriginal(text) when it shows more of the text (the title) that must
 * switch along; otherwise the component keeps its own.
 */
export function LocalizedText({ text, field, original, as = "p", html = false, plainLinks = false,
                                class: className }) {
  const own = useOriginal(text);
  if (!text) return null;
  const { shown, ...state } = original || own;
  return (
    <>
      <FallbackNote text={shown} />
      <TranslationNote text={text} {...state} />
      <UserText as={as} html={html} plainLinks={plainLinks} class={className} text={shown[field]}
        language={shown.language} dir={dirOf(shown.language)} />
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
