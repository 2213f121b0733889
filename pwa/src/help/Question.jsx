import { useState } from "preact/hooks";
import { api, useApi } from "../lib/api.js";
import { formatDateTime, t } from "../lib/i18n.js";
import { Button, ErrorNote, Loading, Page, TextField } from "../ui/kit.jsx";
import { LocalizedText } from "../ui/Translated.jsx";

export default function Question({ params }) {
  const id = Number(params.id);
  const { data: q, error, offline, reload } = useApi(`/questions/${id}`, { cache: true });
  const [text, setText] = useState("");
  const [sendError, setSendError] = useState(null);
  if (!q) return <Page title={t("Question")} back="/help/questions">{error ? <ErrorNote error={error} /> : <Loading />}</Page>;
  const mine = q.asker?.is_me;
  const post = async (path, body) => {
    setSendError(null);
    try {
      await api(path, { method: "POST", body });
      setText("");
      reload();
    } catch (err) {
      setSendError(err);
    }
  };
  return (
    <Page title={q.topic_label} back="/help/questions" offline={offline}>
      <div class="card">
        <LocalizedText text={q} field="body" />
        <p class="meta"><span>{formatDateTime(q.created_at)}</span></p>
      </div>
      {q.messages?.map((m) => (
        <div class="card" key={m.id}>
          <p class="meta"><span><bdi>{m.author?.is_me ? t("You") : m.author?.name}</bdi></span>
            <span>{formatDateTime(m.created_at)}</span></p>
          <LocalizedText text={m} field="body" />
        </div>
      ))}
      {mine && q.status !== "answered" && <p class="note">{t("Waiting for an answer. You get a message when someone answers.")}</p>}
      <form onSubmit={(e) => { e.preventDefault(); post(`/questions/${id}/${mine ? "replies" : "answers"}`, { body: text }); }}>
        <TextField multiline label={mine ? t("Your reply") : t("Your answer")} value={text} onValue={setText}
          error={sendError?.fields?.body} />
        <ErrorNote error={sendError} />
        <div class="btn-row">
          <Button type="submit" icon="send">{t("Send")}</Button>
          {mine && q.status === "answered" && !q.helped && (
            <Button kind="secondary" icon="check" onClick={() => post(`/questions/${id}/helped`, { helped: true })}>
              {t("This helped me")}
            </Button>
          )}
        </div>
      </form>
      {q.helped && <p class="note note-ok">{t("You said this helped you.")}</p>}
    </Page>
  );
}
