import { useApi } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { ButtonLink, Empty, ErrorNote, Loading, Page, ReadAloud, Section } from "../ui/kit.jsx";
import { ContactCard } from "./ContactCard.jsx";

export default function Topic({ params }) {
  const topics = useApi("/topics", { cache: true });
  const contacts = useApi(`/topics/${encodeURIComponent(params.slug)}/contacts`, { cache: true });
  const topic = topics.data?.find((x) => x.slug === params.slug);
  if (topics.data && !topic) return <Page title={t("Page not found")} back="/help" />;
  if (!topic) return <Page title={t("Help")} back="/help"><Loading /></Page>;
  return (
    <Page title={topic.label} back="/help" offline={contacts.offline || topics.offline}>
      <p>{topic.explanation}</p>
      <Section title={t("Questions you can ask")} id="examples">
        <ul>{topic.examples.map((q) => <li key={q}>{q}</li>)}</ul>
        <ReadAloud text={[topic.label, topic.explanation, ...topic.examples].join(". ")} />
      </Section>
      <ButtonLink href={`/help/ask?topic=${topic.slug}`} icon="chat">{t("Ask a question")}</ButtonLink>
      <Section title={t("Who can help")} id="who">
        <ErrorNote error={contacts.error} />
        {!contacts.data && !contacts.error && <Loading />}
        {contacts.data?.length === 0 && <Empty>{t("Nobody found yet for this topic.")}</Empty>}
        <ul class="card-list">
          {contacts.data?.map((c) => <ContactCard key={c.id} contact={c} topic={topic.slug} />)}
        </ul>
      </Section>
    </Page>
  );
}
