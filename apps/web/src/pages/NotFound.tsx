import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../paths';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('app.notFound')}</h1>
      <Link to={paths.home}>{t('app.home')}</Link>
    </>
  );
}
