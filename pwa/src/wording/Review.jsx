// Reviewers: the suggested wordings of the languages they review, oldest first.
import { useState } from "preact/hooks";
import { api } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { LANGUAGES } from "../lib/languages.js";
import { usePages } from "../lib/pages.js";
import { Button, Empty, ErrorNote, Loading, Page, TextField } from "../ui/kit.jsx";
import "./wording.css";

const languageName = (code) => LANGUAGES.find((l) => l.code === code)?.name || code;

function SuggestionItem({ suggestion, onDone }) {
  const [wording, setWording] = useState(suggestion.text);
  const [state, setState] = useState({});
  const decide = async (status) => {
    setState({ busy: status });
    try {
      const body = status === "accepted" ? { status, text: wording } : { status };
      await api(`/ui-texts/suggestions/${suggestion.id}`, { method: "PATCH", body });
      onDone(suggestion.id, status);
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <li class="card wording-item" data-suggestion={suggestion.id}>
      <p class="meta">{languageName(suggestion.language)}</p>
      <p class="wording-label">{t("Original (English)")}</p>
      <p class="wording-source" lang="en" dir="ltr">{suggestion.msgid}</p>
      <p class="wording-label">{t("Now in the app")}</p>
      <p class="wording-current" lang={suggestion.language} dir="auto">{suggestion.current}</p>
      <TextField label={t("Suggested wording")} multiline rows={2} maxLength={1000}
        lang={suggestion.language} value={wording} onValue={setWording}
        hint={suggestion.placeholders.length ? t("Keep these parts as they are: {parts}", { parts: suggestion.placeholders.join(" ") }) : undefined}
        error={state.error?.fields?.text} />
      <ErrorNote error={state.error} />
      <div class="btn-row">
        <Button busy={state.busy === "accepted"} onClick={() => decide("accepted")}>{t("Accept")}</Button>
        <Button kind="secondary" busy={state.busy === "rejected"} onClick={() => decide("rejected")}>{t("Reject")}</Button>
      </div>
    </li>
  );
}

export default function Review() {
  const queue = usePages("/ui-texts/suggestions");
  const [decided, setDecided] = useState({ ids: new Set() });
  const done = (id, status) => {
    const note = status === "accepted" ? t("Accepted. It will be in the app after the next update.") : t("Rejected.");
    setDecided(({ ids }) => ({ ids: new Set(ids).add(id), note }));
  };
  const items = queue.items && queue.items.filter((s) => !decided.ids.has(s.id));
  const error = queue.items ? undefined : queue.error;
  return (
    <Page title={t("Review wordings")} back="/">
      <ErrorNote error={error} />
      {!items && !error && <Loading />}
      {decided.note && <p class="note" role="status">{decided.note}</p>}
      {items && items.length === 0 && !queue.more && <Empty>{t("No wordings wait for you.")}</Empty>}
      {items && items.length > 0 && (
        <ul class="card-list">
          {items.map((s) => <SuggestionItem key={s.id} suggestion={s} onDone={done} />)}
        </ul>
      )}
      {items && <ErrorNote error={queue.error} />}
      {queue.more && (
        <Button kind="secondary" busy={queue.loading} onClick={queue.loadMore}>{t("Show more")}</Button>
      )}
    </Page>
  );
}
