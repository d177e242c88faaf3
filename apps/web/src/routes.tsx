import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import Catalogue from './pages/Catalogue';
import Home from './pages/Home';
import { paths } from './paths';
import { workAreas } from './work/areas';
import { RequireRole } from './work/RequireRole';

// The two pages most visits start on come with the first load; every other page is its own chunk, so the first page
// loads only what it draws (the charts' library stays in the chart pages).
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
      ...workAreas.map((area) => ({
        path: area.home,
        element: <RequireRole roles={area.roles} />,
        children: area.routes,
      })),
      { path: '*', element: <NotFound /> },
    ],
  },
]);
