import { useEffect } from "preact/hooks";
import { api, useApi } from "../lib/api.js";
import { formatDateTime, t } from "../lib/i18n.js";
import { ButtonLink, ErrorNote, Loading, Page, ReadAloud } from "../ui/kit.jsx";
import { LocalizedText, useOriginal } from "../ui/Translated.jsx";

export default function InboxItem({ params }) {
  const id = Number(params.id);
  const { data, error, offline } = useApi("/inbox", { cache: true });
  const item = data?.items.find((x) => x.id === id);
  const message = item && { ...item, language: item.lang };
  const original = useOriginal(message);
  const { shown } = original;
  useEffect(() => {
    if (item && !item.read_at) api(`/inbox/${id}/read`, { method: "POST", body: {} }).catch(() => {});
  }, [item?.id]);
  if (!item) {
    return (
      <Page title={t("Message")} back="/inbox">
        {error ? <ErrorNote error={error} /> : data ? <p>{t("We could not find this message.")}</p> : <Loading />}
      </Page>
    );
  }
  const link = item.url && item.url.startsWith("/") && !item.url.startsWith("//")
    && !item.url.startsWith(`/inbox/${id}`) ? item.url : null;
  return (
    <Page title={shown.title} titleLang={shown.language} back="/inbox" offline={offline}>
      <p class="meta"><span>{formatDateTime(item.created_at)}</span></p>
      <LocalizedText text={message} original={original} field="body" class="description" />
      <ReadAloud text={`${shown.title}. ${shown.body}`} language={shown.language} />
      {link && <div class="btn-row"><ButtonLink href={link}>{t("Open")}</ButtonLink></div>}
    </Page>
  );
}
