// Admins: who reviews the suggested wordings of which language.
import { useState } from "preact/hooks";
import { api, useApi } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { LANGUAGES } from "../lib/languages.js";
import { Button, Empty, ErrorNote, Loading, Page, Section, SelectField, TextField } from "../ui/kit.jsx";
import "./wording.css";

function GrantForm({ languages, onGranted }) {
  const [username, setUsername] = useState("");
  const [language, setLanguage] = useState(languages[0]);
  const [state, setState] = useState({});
  const submit = async (event) => {
    event.preventDefault();
    setState({ busy: true });
    try {
      onGranted(await api("/ui-texts/reviewers", { method: "POST", body: { username, language } }));
      setUsername("");
      setState({});
    } catch (error) {
      setState({ error });
    }
  };
  const options = LANGUAGES.filter((l) => languages.includes(l.code)).map((l) => ({ value: l.code, label: l.name }));
  return (
    <form onSubmit={submit}>
      <TextField label={t("Username")} value={username} onValue={setUsername} autocomplete="off"
        dir="ltr" error={state.error?.fields?.username} />
      <SelectField label={t("Language")} value={language} onValue={setLanguage} options={options} />
      <ErrorNote error={state.error && !state.error.fields?.username ? state.error : null} />
      <Button type="submit" busy={state.busy} disabled={!username.trim()}>{t("Make reviewer")}</Button>
    </form>
  );
}

export default function Reviewers() {
  const list = useApi("/ui-texts/reviewers");
  const open = useApi("/ui-texts/review-languages");
  const [error, setError] = useState(null);
  const items = list.data?.items || [];
  const revoke = async (reviewer) => {
    try {
      await api(`/ui-texts/reviewers/${reviewer.id}`, { method: "DELETE" });
      list.setData({ items: items.filter((r) => r.id !== reviewer.id) });
    } catch (e) {
      setError(e);
    }
  };
  const name = (code) => LANGUAGES.find((l) => l.code === code)?.name || code;
  return (
    <Page title={t("Reviewers of wordings")} back="/">
      <p>{t("A reviewer speaks the language well and decides about the wordings people suggest.")}</p>
      <ErrorNote error={list.error || error} />
      {!list.data && !list.error && <Loading />}
      {list.data && items.length === 0 && <Empty>{t("Nobody reviews wordings yet.")}</Empty>}
      {items.length > 0 && (
        <ul class="card-list">
          {items.map((r) => (
            <li key={r.id} class="card wording-item" data-reviewer={r.id}>
              <p class="wording-person"><strong><bdi>{r.display_name}</bdi></strong></p>
              <p class="meta"><bdi class="wording-username" dir="ltr">{r.username}</bdi> · <bdi>{name(r.language)}</bdi></p>
              <Button kind="danger" onClick={() => revoke(r)}>{t("Remove")}</Button>
            </li>
          ))}
        </ul>
      )}
      {open.data && (
        <Section title={t("Add a reviewer")} id="add">
          <GrantForm languages={open.data.suggestable} onGranted={(r) => list.setData({ items: [...items, r] })} />
        </Section>
      )}
    </Page>
  );
}
