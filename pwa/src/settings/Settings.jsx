import { useEffect, useState } from "preact/hooks";
import { useAction } from "../lib/action.js";
import { api, useApi } from "../lib/api.js";
import { lang, setLanguage, t } from "../lib/i18n.js";
import { currentUser, forget, logout, updateMe } from "../lib/session.js";
import { navigate } from "../router.js";
import { LANGUAGES } from "../lib/languages.js";
import { Button, ButtonLink, ErrorNote, Page, Section, SelectField, TextField, Toggle } from "../ui/kit.jsx";
import { InterestPicker } from "./InterestPicker.jsx";
import { currentSubscription, isIos, isStandalone, pushSupported, subscribe, unsubscribe } from "./push.js";

const hhmm = (value) => (value ? value.slice(0, 5) : "");

/** Who sees my name: three separate choices, each off until the young person turns it on. */
function NameChoices({ user, onError }) {
  const choose = (name) => (on) => updateMe({ [name]: on }).catch(onError);
  return (
    <Section title={t("Who sees my name")} id="name-choices">
      <p>{t("Other young people see your name only where you turn it on. Each choice is off until you turn it on. Staff of your municipality always see your name.")}</p>
      <Toggle label={t("Show others that I am going")} checked={user.show_as_going}
        hint={t("Other young people then see your name at activities you go to.")}
        onChange={choose("show_as_going")} />
      <Toggle label={t("Show my name on ideas I propose")} checked={user.show_name_on_ideas}
        hint={t("Other young people then see your name on the ideas you propose. Without it, your idea is shown without a name.")}
        onChange={choose("show_name_on_ideas")} />
      <Toggle label={t("Show my name on ideas I support")} checked={user.show_name_as_supporter}
        hint={t("Other young people and staff then see your name with the ideas you support. Without it, only the number of supporters goes up.")}
        onChange={choose("show_name_as_supporter")} />
    </Section>
  );
}

function Notifications() {
  const [on, setOn] = useState(false);
  const [note, setNote] = useState(null);
  const supported = pushSupported();
  useEffect(() => { currentSubscription().then((s) => setOn(Boolean(s))).catch(() => {}); }, []);
  const flip = async (wanted) => {
    setNote(null);
    try {
      if (wanted) {
        const result = await subscribe();
        if (result.denied) { setNote(t("Your phone blocks notifications for this app. Allow them in your phone's settings.")); return; }
      } else {
        await unsubscribe();
      }
      setOn(wanted);
    } catch (err) {
      setNote(err.message || t("Something went wrong. Please try again."));
    }
  };
  const prefs = useApi("/me/notification-settings");
  const setPref = async (group, enabled) => {
    const data = await api("/me/notification-settings", { method: "PATCH", body: { settings: { [group]: enabled } } });
    prefs.setData(data);
  };
  return (
    <Section title={t("Notifications")} id="notifications">
      <p>{t("With notifications on, your phone tells you about new messages, even when the app is closed. Your messages are always in Messages too.")}</p>
      {isIos() && !isStandalone() && (
        <p class="note">{t("On an iPhone: first add Meedoen to your home screen (Share button, then “Add to Home Screen”), open it from there, and then turn on notifications.")}</p>
      )}
      {supported
        ? <Toggle label={t("Notifications on this phone")} checked={on} onChange={flip} />
        : <p class="note">{t("This browser cannot show notifications. You still find every message in Messages.")}</p>}
      {note && <p class="note note-error" role="alert">{note}</p>}
      {prefs.data?.settings && (
        <fieldset class="chips">
          <legend>{t("Automatic messages")}</legend>
          {prefs.data.settings.map((s) => (
            <Toggle key={s.group} label={s.label} checked={s.enabled} onChange={(v) => setPref(s.group, v)} />
          ))}
        </fieldset>
      )}
    </Section>
  );
}

function QuietHours({ user }) {
  const [from, setFrom] = useState(hhmm(user.quiet_from));
  const [until, setUntil] = useState(hhmm(user.quiet_until));
  const [saved, setSaved] = useState(false);
  const { busy, error, submit: save } = useAction(async () => {
    setSaved(false);
    await updateMe({ quiet_from: from || null, quiet_until: until || null });
    setSaved(true);
  });
  return (
    <Section title={t("Quiet hours")} id="quiet">
      <p>{t("No notifications between these times (for example at night). Messages wait until the quiet hours end.")}</p>
      <form onSubmit={save} class="row">
        <TextField label={t("From")} type="time" value={from} onValue={setFrom} dir="ltr" error={error?.fields?.quiet_from} />
        <TextField label={t("Until")} type="time" value={until} onValue={setUntil} dir="ltr" error={error?.fields?.quiet_until} />
        <div><Button type="submit" kind="secondary" busy={busy}>{t("Save")}</Button></div>
      </form>
      {saved && <p class="note note-ok" role="status">{t("Saved.")}</p>}
    </Section>
  );
}

function DeleteAccount() {
  const [asking, setAsking] = useState(false);
  const { busy, error, run: remove } = useAction(async () => {
    await api("/me", { method: "DELETE" });
    await unsubscribe().catch(() => {});
    await forget();
    navigate("/welcome", { replace: true });
  });
  return (
    <Section title={t("Delete my account")} id="delete">
      <p>{t("This deletes your account and everything that is yours. It cannot be undone.")}</p>
      {!asking
        ? <Button kind="danger" icon="trash" onClick={() => setAsking(true)}>{t("Delete my account")}</Button>
        : (
          <div class="note note-error" role="alertdialog" aria-labelledby="confirm-delete">
            <p id="confirm-delete">{t("Are you sure? Your account will be deleted now.")}</p>
            <div class="btn-row">
              <Button kind="danger" busy={busy} onClick={remove}>{t("Yes, delete everything")}</Button>
              <Button kind="secondary" onClick={() => setAsking(false)}>{t("No, keep my account")}</Button>
            </div>
          </div>
        )}
      <ErrorNote error={error} />
    </Section>
  );
}

export default function Settings() {
  const user = currentUser.value;
  const [interests, setInterests] = useState(user?.interests || []);
  const [error, setError] = useState(null);
  if (!user) return null;
  const chooseLanguage = async (code) => {
    await setLanguage(code);
    try { await updateMe({ ui_language: code }); } catch (err) { setError(err); }
  };
  const saveInterests = async (next) => {
    setInterests(next);
    try { await updateMe({ interests: next }); } catch (err) { setError(err); }
  };
  return (
    <Page title={t("Settings")}>
      <ErrorNote error={error} />
      <Section title={t("Language")} id="language">
        <SelectField label={t("Language of the app")} value={lang()} onValue={chooseLanguage}
          options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} />
      </Section>
      {user.role === "youth" && (
        <Section title={t("Interests")} id="interests">
          <InterestPicker chosen={interests} onChange={saveInterests} />
        </Section>
      )}
      <Notifications />
      <QuietHours user={user} />
      {user.role === "youth" && <NameChoices user={user} onError={setError} />}
      <Section title={t("My data")} id="data">
        <p>{t("Download everything Meedoen knows about you.")}</p>
        <ButtonLink kind="secondary" icon="download" href="/api/v1/me/export" download="meedoen-my-data.json">
          {t("Download my data")}
        </ButtonLink>
      </Section>
      <DeleteAccount />
      <Section title={t("Log out")} id="logout">
        <Button kind="secondary" icon="logout" onClick={async () => { await logout(); navigate("/welcome", { replace: true }); }}>
          {t("Log out")}
        </Button>
      </Section>
    </Page>
  );
}
