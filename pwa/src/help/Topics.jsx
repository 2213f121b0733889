import { useApi } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { ErrorNote, Loading, Page, Section, Tile } from "../ui/kit.jsx";

export default function Topics() {
  const { data, error, offline } = useApi("/topics", { cache: true });
  return (
    <Page title={t("I need help with…")} offline={offline}>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data && (
        <ul class="tiles">
          {data.map((topic) => (
            <li key={topic.slug}><Tile href={`/help/${topic.slug}`} icon={topic.icon} label={topic.label} /></li>
          ))}
        </ul>
      )}
      <Section title={t("People who help you")} id="people">
        <ul class="tiles">
          <li><Tile href="/help/people" icon="people" label={t("My people")} /></li>
          <li><Tile href="/help/questions" icon="chat" label={t("My questions")} /></li>
        </ul>
      </Section>
    </Page>
  );
}
