import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { connect } from './api'
import './i18n'
import './styles/base.css'
import './styles/connections.css'
import './styles/echo.css'
import './styles/overview.css'
import './styles/insight.css'
import './styles/actions.css'
import './styles/teach.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html lost its #root element')
createRoot(root).render(
  <StrictMode>
    <App connection={connect()} />
  </StrictMode>
)
