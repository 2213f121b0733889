import { useState } from "preact/hooks";
import { useAction } from "../lib/action.js";
import { api, useApi } from "../lib/api.js";
import { lang, t } from "../lib/i18n.js";
import { navigate } from "../router.js";
import { Button, ErrorNote, Page, SelectField, TextField } from "../ui/kit.jsx";

export default function Ask({ query }) {
  const topics = useApi("/topics", { cache: true });
  const contactId = query.get("contact");
  const contact = useApi(contactId ? `/contacts/${Number(contactId)}` : null);
  const [topic, setTopic] = useState(query.get("topic") || "");
  const [body, setBody] = useState("");
  const { busy, error, submit: send } = useAction(async () => {
    const question = await api("/questions", { method: "POST", body: {
      topic, body, language: lang(), ...(contactId ? { contact_id: Number(contactId) } : {}) } });
    navigate(`/help/questions/${question.id}`, { replace: true });
  });
  const options = [{ value: "", label: t("Choose a topic") },
    ...(topics.data || []).map((x) => ({ value: x.slug, label: x.label }))];
  return (
    <Page title={t("Ask a question")} back={topic ? `/help/${topic}` : "/help"}>
      <p>{contact.data
        ? <>{t("Your question goes to:")} <bdi>{contact.data.name}</bdi></>
        : t("Your question goes to the people who help with this topic here.")}</p>
      <form onSubmit={send} noValidate>
        <SelectField label={t("Topic")} value={topic} onValue={setTopic} options={options}
          error={error?.fields?.topic} required />
        <TextField multiline label={t("Your question")} value={body} onValue={setBody}
          hint={t("Write in your own language. Only you and the helpers can read it.")}
          error={error?.fields?.body} required />
        <ErrorNote error={error} />
        <Button type="submit" icon="send" busy={busy}>{t("Send my question")}</Button>
      </form>
    </Page>
  );
}
