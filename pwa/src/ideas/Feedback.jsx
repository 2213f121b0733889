// One tap after an activity: did you like it? Only totals are ever shown, never who said what.
import { useState } from "preact/hooks";
import { useAction } from "../lib/action.js";
import { api, useApi } from "../lib/api.js";
import { formatDay, t } from "../lib/i18n.js";
import { Button, Empty, ErrorNote, Loading, Page, Section, TextField, UserText } from "../ui/kit.jsx";

function FeedbackCard({ item }) {
  const [comment, setComment] = useState("");
  const [sent, setSent] = useState(false);
  const { busy, error, run: send } = useAction(async (liked) => {
    const body = comment.trim() ? { liked, comment: comment.trim() } : { liked };
    await api(`/activities/${item.activity_id}/feedback`, { method: "POST", body });
    setSent(true);
  });
  const text = item.text;
  return (
    <li class="card" data-feedback={item.activity_id}>
      <h3><UserText text={text.title} language={text.language} /></h3>
      <p class="meta"><span>{formatDay(item.starts_at)}</span></p>
      {sent ? (
        <p class="note note-ok" role="status">{t("Thank you! Organisers only see the totals, never who said what.")}</p>
      ) : (
        <>
          <TextField label={t("Anything you want to add? (optional)")} maxLength={200}
            value={comment} onValue={setComment} error={error?.fields?.comment} />
          <div class="btn-row">
            <Button icon="heart" busy={busy} data-liked="true" onClick={() => send(true)}>{t("I liked it")}</Button>
            <Button kind="secondary" busy={busy} data-liked="false" onClick={() => send(false)}>{t("Not for me")}</Button>
          </div>
          <ErrorNote error={error} />
        </>
      )}
    </li>
  );
}

function FeedbackCards({ items }) {
  return (
    <ul class="card-list">
      {items.map((item) => <FeedbackCard key={item.activity_id} item={item} />)}
    </ul>
  );
}

/** On the ideas screen: yesterday's activities, if there are any to rate. */
export function FeedbackDue() {
  const { data } = useApi("/me/feedback-due");
  if (!data || data.length === 0) return null;
  return (
    <Section title={t("How was it?")} id="feedback">
      <p class="hint">{t("Tell the organisers in one tap. Nobody sees who said what.")}</p>
      <FeedbackCards items={data} />
    </Section>
  );
}

export default function FeedbackScreen() {
  const { data, error } = useApi("/me/feedback-due");
  return (
    <Page title={t("How was it?")} back="/">
      <p class="hint">{t("Tell the organisers in one tap. Nobody sees who said what.")}</p>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && <Empty>{t("There is nothing to rate right now.")}</Empty>}
      {data && data.length > 0 && <FeedbackCards items={data} />}
    </Page>
  );
}
