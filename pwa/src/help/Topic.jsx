import { useApi } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { usePages } from "../lib/pages.js";
import { Button, ButtonLink, Empty, ErrorNote, Loading, Page, ReadAloud, Section } from "../ui/kit.jsx";
import { ContactCard } from "./ContactCard.jsx";

export default function Topic({ params }) {
  const topics = useApi("/topics", { cache: true });
  const contacts = usePages(`/topics/${encodeURIComponent(params.slug)}/contacts`, { cache: true });
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
        {!contacts.items && !contacts.error && <Loading />}
        {contacts.items?.length === 0 && <Empty>{t("Nobody found yet for this topic.")}</Empty>}
        <ul class="card-list">
          {contacts.items?.map((c) => <ContactCard key={c.id} contact={c} topic={topic.slug} />)}
        </ul>
        <ErrorNote error={contacts.error} />
        {contacts.more && (
          <Button kind="secondary" busy={contacts.loading} onClick={contacts.loadMore}>{t("Show more")}</Button>
        )}
      </Section>
    </Page>
  );
}
