// Shared building blocks: big tap targets (≥ 44 px), labelled fields, notes.
import { useEffect, useRef, useState } from "preact/hooks";
import { t, lang, formatDateTime } from "../lib/i18n.js";
import { languageName } from "../lib/languages.js";
import { Link } from "../router.js";
import { Icon } from "./icons.jsx";

let fieldIds = 0;
let firstScreen = true;
const useId = (prefix) => useRef(`${prefix}-${(fieldIds += 1)}`).current;

export function Page({ title, titleLang, back, offline, children, actions }) {
  const heading = useRef(null);
  useEffect(() => {
    // After navigating, screen readers start at the new heading. Not on the very first screen
    // (nothing moved; and focusing forces an early layout, slow on cheap phones).
    if (firstScreen) firstScreen = false;
    else heading.current?.focus({ preventScroll: true });
  }, [title]);
  useEffect(() => { document.title = title ? `${title} · Meedoen` : "Meedoen"; }, [title]);
  return (
    <main id="main" class="page">
      <div class="page-head">
        {back && (
          <Link class="back" href={back}>
            <Icon name="back" /><span class="sr-only">{t("Back")}</span>
          </Link>
        )}
        <h1 tabIndex={-1} ref={heading} dir={titleLang ? "auto" : undefined} lang={titleLang}>{title}</h1>
        {actions}
      </div>
      {offline && <OfflineNote offline={offline} />}
      {children}
    </main>
  );
}

export function OfflineNote({ offline }) {
  const when = formatDateTime(offline.updatedAt);
  return (
    <p class="note note-offline" role="status" data-reason={offline.unreachable ? "unreachable" : "offline"}>
      {offline.unreachable
        ? t("Meedoen is not reachable right now. Last updated {when}", { when })
        : t("Offline — last updated {when}", { when })}
    </p>
  );
}

export function Button({ kind = "primary", icon, children, busy, type = "button", ...props }) {
  return (
    <button type={type} class={`btn btn-${kind}`} aria-busy={busy ? "true" : undefined}
      disabled={busy || props.disabled} {...props}>
      {icon && <Icon name={icon} />}
      <span>{children}</span>
    </button>
  );
}

export function ButtonLink({ kind = "primary", icon, children, ...props }) {
  const Tag = props.href?.startsWith("/") && !props.download ? Link : "a";
  return (
    <Tag class={`btn btn-${kind}`} {...props}>
      {icon && <Icon name={icon} />}
      <span>{children}</span>
    </Tag>
  );
}

function FieldShell({ id, label, hint, error, children }) {
  const errors = Array.isArray(error) ? error : error ? [error] : [];
  return (
    <div class={`field${errors.length ? " field-error" : ""}`}>
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      {errors.length > 0 && (
        <p class="error-text" id={`${id}-error`}>{errors.join(" ")}</p>
      )}
    </div>
  );
}

function describedBy(id, hint, error) {
  return [hint && `${id}-hint`, error && (error.length ?? 1) && `${id}-error`].filter(Boolean)
    .join(" ") || undefined;
}

export function TextField({ label, hint, error, multiline, value, onValue, ...props }) {
  const id = useId("f");
  const Tag = multiline ? "textarea" : "input";
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <Tag id={id} value={value ?? ""} onInput={(e) => onValue?.(e.currentTarget.value)}
        aria-invalid={error ? "true" : undefined} aria-describedby={describedBy(id, hint, error)}
        dir={props.dir || "auto"} {...props} />
    </FieldShell>
  );
}

const optionTag = (o) => <option key={o.value} value={o.value}>{o.label}</option>;

/** A drop-down; an option with its own ``options`` is a group of them. */
export function SelectField({ label, hint, error, value, onValue, options, ...props }) {
  const id = useId("s");
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select id={id} value={value} onChange={(e) => onValue?.(e.currentTarget.value)}
        aria-invalid={error ? "true" : undefined} aria-describedby={describedBy(id, hint, error)}
        {...props}>
        {options.map((o) => (o.options
          ? <optgroup key={o.label} label={o.label}>{o.options.map(optionTag)}</optgroup>
          : optionTag(o)))}
      </select>
    </FieldShell>
  );
}

/** A big on/off switch (a real checkbox, so it is announced as one). */
export function Toggle({ label, checked, onChange, hint, icon }) {
  const id = useId("t");
  return (
    <div class="toggle">
      <input type="checkbox" id={id} checked={checked} class="toggle-input"
        onChange={(e) => onChange(e.currentTarget.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined} />
      <label for={id} class="toggle-label">
        {icon && <Icon name={icon} />}
        <span>{label}</span>
        <span class="switch" aria-hidden="true" />
      </label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
    </div>
  );
}

/** A pressable chip for filters and multi-choice lists. */
export function Chip({ pressed, onClick, children, icon, ...props }) {
  return (
    <button type="button" class="chip" {...props} aria-pressed={pressed ? "true" : "false"} onClick={onClick}>
      {icon && <Icon name={icon} />}
      <span>{children}</span>
      {pressed && <Icon name="check" size={18} />}
    </button>
  );
}

export function Tile({ href, icon, label, sub }) {
  return (
    <Link class="tile" href={href}>
      <Icon name={icon} size={36} />
      <span class="tile-label">{label}</span>
      {sub && <span class="tile-sub">{sub}</span>}
    </Link>
  );
}

export function ErrorNote({ error }) {
  if (!error) return null;
  return <p class="note note-error" role="alert">{error.message || String(error)}</p>;
}

export function Loading() {
  return <p class="loading" role="status">{t("Loading…")}</p>;
}

export function Empty({ children }) {
  return <p class="empty">{children}</p>;
}

/**
 * Sanitised HTML with every link turned into its own words (safeguarding: a text a young person
 * wrote never hands other minors a link to tap). Parsed in an inert template: nothing loads.
 */
export function withoutLinks(html) {
  if (typeof html !== "string" || !/<a[\s>]/i.test(html)) return html;
  const template = document.createElement("template");
  template.innerHTML = html;
  template.content.querySelectorAll("a").forEach((link) => {
    const words = document.createElement("span");
    words.className = "plain-link";
    words.textContent = link.textContent;
    link.replaceWith(words);
  });
  return template.innerHTML;
}

/**
 * Text someone wrote (not our UI): isolated so its direction does not upset the layout.
 * html: sanitised HTML (staff texts keep their links); with plainLinks (texts written by young
 * people) its links are shown as plain words.
 */
export function UserText({ text, language, as: Tag = "span", html = false, plainLinks = false, ...props }) {
  if (html) {
    const shown = plainLinks ? withoutLinks(text) : text;
    return <Tag dir="auto" lang={language} {...props} dangerouslySetInnerHTML={{ __html: shown }} />;
  }
  return <Tag dir="auto" lang={language} {...props}>{text}</Tag>;
}

function voiceFor(language) {
  const voices = window.speechSynthesis?.getVoices?.() || [];
  return voices.find((v) => v.lang?.toLowerCase().split(/[-_]/)[0] === language);
}

/** Read aloud with the phone's own voice; hidden when it has none for this language. */
export function ReadAloud({ text, language = lang() }) {
  const [voice, setVoice] = useState(() => voiceFor(language));
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => {
    const synth = window.speechSynthesis;
    if (!synth) return undefined;
    const update = () => setVoice(voiceFor(language));
    update();
    synth.addEventListener?.("voiceschanged", update);
    return () => { synth.removeEventListener?.("voiceschanged", update); synth.cancel(); };
  }, [language]);
  if (!voice || !text) return null;
  const toggle = () => {
    const synth = window.speechSynthesis;
    if (speaking) { synth.cancel(); setSpeaking(false); return; }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = () => setSpeaking(false);
    synth.speak(utterance);
    setSpeaking(true);
  };
  return (
    <Button kind="secondary" icon="speaker" onClick={toggle} aria-pressed={speaking ? "true" : "false"}>
      {speaking ? t("Stop reading") : t("Read aloud")}
    </Button>
  );
}

export function Section({ title, children, id }) {
  return (
    <section class="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A tab per language, in the order given; ``filled(code)`` marks the languages written;
 * ``status(code)`` (optional) gives {key, label}: how the text was made, under the name. */
export function LanguageTabs({ codes, active, onSelect, filled, status = () => null, idPrefix = "tab",
  children }) {
  return (
    <>
      <div class="tabs" role="tablist" aria-label={t("Languages")}>
        {codes.map((code) => (
          <button key={code} type="button" role="tab" id={`${idPrefix}-${code}`} aria-controls={`${idPrefix}-panel`}
            aria-selected={code === active ? "true" : "false"} lang={code} onClick={() => onSelect(code)}
            data-mark={status(code)?.key}>
            <span>{languageName(code)}{filled(code) ? " ✓" : ""}</span>
            {status(code) && <span class="tab-status" lang={lang()}>{status(code).label}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-${active}`}>{children}</div>
    </>
  );
}
