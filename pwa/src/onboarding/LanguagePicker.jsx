import { LANGUAGES } from "../lib/languages.js";
import { lang } from "../lib/i18n.js";
import { Icon } from "../ui/icons.jsx";

/** Every shipped language, named in its own script (no flags: a language is not a country). */
export function LanguagePicker({ onPick, label }) {
  return (
    <ul class="lang-list" aria-label={label}>
      {LANGUAGES.map((l) => (
        <li key={l.code}>
          <button type="button" class="btn btn-secondary" lang={l.code} dir={l.dir}
            aria-pressed={l.code === lang() ? "true" : "false"} onClick={() => onPick(l.code)}>
            <span>{l.name}</span>
            {l.code === lang() && <Icon name="check" />}
          </button>
        </li>
      ))}
    </ul>
  );
}
