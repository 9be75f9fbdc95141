import './survey.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SurveyApp } from './SurveyApp';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from survey.html');

createRoot(root).render(
  <StrictMode>
    <SurveyApp />
  </StrictMode>,
);
