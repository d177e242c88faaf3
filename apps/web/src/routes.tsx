import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { paths } from './paths';

// Every page is its own chunk: the first page loads only what it draws (the charts' library stays in chart pages).
const Home = lazy(() => import('./pages/Home'));
const Catalogue = lazy(() => import('./pages/Catalogue'));
const Solution = lazy(() => import('./pages/Solution'));
const Problems = lazy(() => import('./pages/Problems'));
const Calls = lazy(() => import('./pages/Calls'));
const Contracts = lazy(() => import('./pages/Contracts'));
const Rankings = lazy(() => import('./pages/Rankings'));
const Changes = lazy(() => import('./pages/Changes'));
const OpenData = lazy(() => import('./pages/OpenData'));
const Login = lazy(() => import('./pages/Login'));
const CityDashboard = lazy(() => import('./pages/CityDashboard'));
const VendorTrust = lazy(() => import('./pages/VendorTrust'));
const NotFound = lazy(() => import('./pages/NotFound'));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: paths.home, element: <Home /> },
      { path: paths.catalogue, element: <Catalogue /> },
      { path: '/giai-phap/:id', element: <Solution /> },
      { path: paths.problems, element: <Problems /> },
      { path: paths.calls, element: <Calls /> },
      { path: paths.contracts, element: <Contracts /> },
      { path: paths.rankings, element: <Rankings /> },
      { path: paths.changes, element: <Changes /> },
      { path: paths.openData, element: <OpenData /> },
      { path: paths.login, element: <Login /> },
      { path: paths.dashboard, element: <CityDashboard /> },
      { path: '/lanh-dao/nha-cung-cap/:id', element: <VendorTrust /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
