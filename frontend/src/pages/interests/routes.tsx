import { Route } from 'react-router';
import { InterestMatrixPage } from './InterestMatrixPage';
import { InterestsSection } from './InterestsSection';
import { InterviewPage } from './InterviewPage';
import { SharedInterestsPage } from './SharedInterestsPage';

/** Child routes of `parken/:parkId`: the shared interests (ranking, matrix) and the interviews. */
export const interestRoutes = (
  <>
    <Route path="belangen" element={<InterestsSection />}>
      <Route index element={<SharedInterestsPage />} />
      <Route path="matrix" element={<InterestMatrixPage />} />
    </Route>
    <Route path="interview" element={<InterviewPage />} />
    <Route path="interview/:stakeholderId" element={<InterviewPage />} />
  </>
);
