# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'period_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_PeriodDialog(object):
    def setupUi(self, PeriodDialog):
        if not PeriodDialog.objectName():
            PeriodDialog.setObjectName(u"PeriodDialog")
        PeriodDialog.resize(560, 360)
        PeriodDialog.setModal(True)
        self.verticalLayout = QVBoxLayout(PeriodDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.kindLabel = QLabel(PeriodDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(PeriodDialog)
        self.kind.setObjectName(u"kind")
        self.kind.setMaxVisibleItems(22)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.yearLabel = QLabel(PeriodDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.year = QSpinBox(PeriodDialog)
        self.year.setObjectName(u"year")
        self.year.setMinimum(2000)
        self.year.setMaximum(2100)
        self.year.setValue(2025)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.year)

        self.windowFromLabel = QLabel(PeriodDialog)
        self.windowFromLabel.setObjectName(u"windowFromLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.windowFromLabel)

        self.windowFrom = QLineEdit(PeriodDialog)
        self.windowFrom.setObjectName(u"windowFrom")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.windowFrom)

        self.windowToLabel = QLabel(PeriodDialog)
        self.windowToLabel.setObjectName(u"windowToLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.windowToLabel)

        self.windowTo = QLineEdit(PeriodDialog)
        self.windowTo.setObjectName(u"windowTo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.windowTo)

        self.titleLabel = QLabel(PeriodDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.title = QLineEdit(PeriodDialog)
        self.title.setObjectName(u"title")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.title)

        self.reportNumberLabel = QLabel(PeriodDialog)
        self.reportNumberLabel.setObjectName(u"reportNumberLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reportNumberLabel)

        self.reportNumber = QLineEdit(PeriodDialog)
        self.reportNumber.setObjectName(u"reportNumber")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reportNumber)

        self.reportDateLabel = QLabel(PeriodDialog)
        self.reportDateLabel.setObjectName(u"reportDateLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.reportDateLabel)

        self.reportDate = QLineEdit(PeriodDialog)
        self.reportDate.setObjectName(u"reportDate")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reportDate)

        self.deadlineLabel = QLabel(PeriodDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.deadlineLabel)

        self.deadline = QLineEdit(PeriodDialog)
        self.deadline.setObjectName(u"deadline")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.deadline)


        self.verticalLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(PeriodDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(PeriodDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PeriodDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kind)
        self.yearLabel.setBuddy(self.year)
        self.windowFromLabel.setBuddy(self.windowFrom)
        self.windowToLabel.setBuddy(self.windowTo)
        self.titleLabel.setBuddy(self.title)
        self.reportNumberLabel.setBuddy(self.reportNumber)
        self.reportDateLabel.setBuddy(self.reportDate)
        self.deadlineLabel.setBuddy(self.deadline)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind, self.year)
        QWidget.setTabOrder(self.year, self.windowFrom)
        QWidget.setTabOrder(self.windowFrom, self.windowTo)
        QWidget.setTabOrder(self.windowTo, self.title)
        QWidget.setTabOrder(self.title, self.reportNumber)
        QWidget.setTabOrder(self.reportNumber, self.reportDate)
        QWidget.setTabOrder(self.reportDate, self.deadline)
        QWidget.setTabOrder(self.deadline, self.buttonBox)

        self.retranslateUi(PeriodDialog)

        QMetaObject.connectSlotsByName(PeriodDialog)
    # setupUi

    def retranslateUi(self, PeriodDialog):
        PeriodDialog.setWindowTitle(QCoreApplication.translate("PeriodDialog", u"K\u1ef3 b\u00e1o c\u00e1o", None))
        self.kindLabel.setText(QCoreApplication.translate("PeriodDialog", u"Lo\u1ea1i k\u1ef3:", None))
        self.yearLabel.setText(QCoreApplication.translate("PeriodDialog", u"N\u0103m:", None))
        self.windowFromLabel.setText(QCoreApplication.translate("PeriodDialog", u"L\u1ea5y s\u1ed1 li\u1ec7u t\u1eeb ng\u00e0y:", None))
        self.windowFrom.setPlaceholderText(QCoreApplication.translate("PeriodDialog", u"15/12/2024", None))
        self.windowToLabel.setText(QCoreApplication.translate("PeriodDialog", u"\u0111\u1ebfn ng\u00e0y:", None))
        self.windowTo.setPlaceholderText(QCoreApplication.translate("PeriodDialog", u"14/06/2025", None))
        self.titleLabel.setText(QCoreApplication.translate("PeriodDialog", u"T\u00ean k\u1ef3 in tr\u00ean b\u00e1o c\u00e1o:", None))
        self.title.setPlaceholderText(QCoreApplication.translate("PeriodDialog", u"\u0111\u1ec3 tr\u1ed1ng: t\u00ean theo lo\u1ea1i k\u1ef3", None))
#if QT_CONFIG(tooltip)
        self.title.setToolTip(QCoreApplication.translate("PeriodDialog", u"V\u00ed d\u1ee5: t\u1eeb ng\u00e0y 01/7/2025 \u0111\u1ebfn ng\u00e0y 31/10/2025", None))
#endif // QT_CONFIG(tooltip)
        self.reportNumberLabel.setText(QCoreApplication.translate("PeriodDialog", u"S\u1ed1 b\u00e1o c\u00e1o:", None))
        self.reportNumber.setPlaceholderText(QCoreApplication.translate("PeriodDialog", u"v\u00ed d\u1ee5 125 ho\u1eb7c 125/BC-UBND", None))
        self.reportDateLabel.setText(QCoreApplication.translate("PeriodDialog", u"Ng\u00e0y b\u00e1o c\u00e1o:", None))
        self.reportDate.setPlaceholderText(QCoreApplication.translate("PeriodDialog", u"dd/mm/yyyy", None))
        self.deadlineLabel.setText(QCoreApplication.translate("PeriodDialog", u"H\u1ea1n b\u00e1o c\u00e1o c\u1ea5p tr\u00ean \u0111\u1eb7t:", None))
        self.deadline.setPlaceholderText(QCoreApplication.translate("PeriodDialog", u"\u0111\u1ec3 tr\u1ed1ng: ng\u00e0y sau ng\u00e0y k\u1ebft th\u00fac l\u1ea5y s\u1ed1 li\u1ec7u", None))
        self.hintLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

