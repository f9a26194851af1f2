# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unit_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QTabWidget, QVBoxLayout, QWidget)

class Ui_UnitDialog(object):
    def setupUi(self, UnitDialog):
        if not UnitDialog.objectName():
            UnitDialog.setObjectName(u"UnitDialog")
        UnitDialog.resize(640, 420)
        UnitDialog.setModal(True)
        self.verticalLayout = QVBoxLayout(UnitDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.tabs = QTabWidget(UnitDialog)
        self.tabs.setObjectName(u"tabs")
        self.unitTab = QWidget()
        self.unitTab.setObjectName(u"unitTab")
        self.unitForm = QFormLayout(self.unitTab)
        self.unitForm.setObjectName(u"unitForm")
        self.unitForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.nameLabel = QLabel(self.unitTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.unitForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.unitTab)
        self.name.setObjectName(u"name")

        self.unitForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.codeLabel = QLabel(self.unitTab)
        self.codeLabel.setObjectName(u"codeLabel")

        self.unitForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.code = QLineEdit(self.unitTab)
        self.code.setObjectName(u"code")
        self.code.setMaxLength(5)

        self.unitForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.code)

        self.parentLabel = QLabel(self.unitTab)
        self.parentLabel.setObjectName(u"parentLabel")

        self.unitForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parent = QLineEdit(self.unitTab)
        self.parent.setObjectName(u"parent")

        self.unitForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.parent)

        self.focal_agencyLabel = QLabel(self.unitTab)
        self.focal_agencyLabel.setObjectName(u"focal_agencyLabel")

        self.unitForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.focal_agencyLabel)

        self.focal_agency = QLineEdit(self.unitTab)
        self.focal_agency.setObjectName(u"focal_agency")

        self.unitForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.focal_agency)

        self.placeLabel = QLabel(self.unitTab)
        self.placeLabel.setObjectName(u"placeLabel")

        self.unitForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.place = QLineEdit(self.unitTab)
        self.place.setObjectName(u"place")

        self.unitForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.place)

        self.one_stopLabel = QLabel(self.unitTab)
        self.one_stopLabel.setObjectName(u"one_stopLabel")

        self.unitForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.one_stopLabel)

        self.one_stop = QComboBox(self.unitTab)
        self.one_stop.setObjectName(u"one_stop")
        self.one_stop.setEditable(True)

        self.unitForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.one_stop)

        self.establishedLabel = QLabel(self.unitTab)
        self.establishedLabel.setObjectName(u"establishedLabel")

        self.unitForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.establishedLabel)

        self.established = QLineEdit(self.unitTab)
        self.established.setObjectName(u"established")

        self.unitForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.established)

        self.calendar_windowsLabel = QLabel(self.unitTab)
        self.calendar_windowsLabel.setObjectName(u"calendar_windowsLabel")

        self.unitForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.calendar_windowsLabel)

        self.calendar_windows = QCheckBox(self.unitTab)
        self.calendar_windows.setObjectName(u"calendar_windows")

        self.unitForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.calendar_windows)

        self.tabs.addTab(self.unitTab, "")
        self.reportTab = QWidget()
        self.reportTab.setObjectName(u"reportTab")
        self.reportForm = QFormLayout(self.reportTab)
        self.reportForm.setObjectName(u"reportForm")
        self.reportForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.symbolLabel = QLabel(self.reportTab)
        self.symbolLabel.setObjectName(u"symbolLabel")

        self.reportForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.symbolLabel)

        self.symbol = QLineEdit(self.reportTab)
        self.symbol.setObjectName(u"symbol")

        self.reportForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.symbol)

        self.signer_prefixLabel = QLabel(self.reportTab)
        self.signer_prefixLabel.setObjectName(u"signer_prefixLabel")

        self.reportForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.signer_prefixLabel)

        self.signer_prefix = QComboBox(self.reportTab)
        self.signer_prefix.setObjectName(u"signer_prefix")
        self.signer_prefix.setEditable(True)

        self.reportForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.signer_prefix)

        self.signer_titleLabel = QLabel(self.reportTab)
        self.signer_titleLabel.setObjectName(u"signer_titleLabel")

        self.reportForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.signer_titleLabel)

        self.signer_title = QComboBox(self.reportTab)
        self.signer_title.setObjectName(u"signer_title")
        self.signer_title.setEditable(True)

        self.reportForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.signer_title)

        self.signer_nameLabel = QLabel(self.reportTab)
        self.signer_nameLabel.setObjectName(u"signer_nameLabel")

        self.reportForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.signer_nameLabel)

        self.signer_name = QLineEdit(self.reportTab)
        self.signer_name.setObjectName(u"signer_name")

        self.reportForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.signer_name)

        self.addresseesLabel = QLabel(self.reportTab)
        self.addresseesLabel.setObjectName(u"addresseesLabel")

        self.reportForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.addresseesLabel)

        self.addressees = QPlainTextEdit(self.reportTab)
        self.addressees.setObjectName(u"addressees")
        self.addressees.setTabChangesFocus(True)

        self.reportForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.addressees)

        self.recipientsLabel = QLabel(self.reportTab)
        self.recipientsLabel.setObjectName(u"recipientsLabel")

        self.reportForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.recipientsLabel)

        self.recipients = QPlainTextEdit(self.reportTab)
        self.recipients.setObjectName(u"recipients")
        self.recipients.setTabChangesFocus(True)

        self.reportForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.recipients)

        self.templateLabel = QLabel(self.reportTab)
        self.templateLabel.setObjectName(u"templateLabel")

        self.reportForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.templateLabel)

        self.templateRow = QHBoxLayout()
        self.templateRow.setObjectName(u"templateRow")
        self.template = QComboBox(self.reportTab)
        self.template.setObjectName(u"template")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.template.sizePolicy().hasHeightForWidth())
        self.template.setSizePolicy(sizePolicy)

        self.templateRow.addWidget(self.template)

        self.templatesButton = QPushButton(self.reportTab)
        self.templatesButton.setObjectName(u"templatesButton")

        self.templateRow.addWidget(self.templatesButton)


        self.reportForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.templateRow)

        self.tabs.addTab(self.reportTab, "")

        self.verticalLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(UnitDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(UnitDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.codeLabel.setBuddy(self.code)
        self.parentLabel.setBuddy(self.parent)
        self.focal_agencyLabel.setBuddy(self.focal_agency)
        self.placeLabel.setBuddy(self.place)
        self.one_stopLabel.setBuddy(self.one_stop)
        self.establishedLabel.setBuddy(self.established)
        self.calendar_windowsLabel.setBuddy(self.calendar_windows)
        self.symbolLabel.setBuddy(self.symbol)
        self.signer_prefixLabel.setBuddy(self.signer_prefix)
        self.signer_titleLabel.setBuddy(self.signer_title)
        self.signer_nameLabel.setBuddy(self.signer_name)
        self.addresseesLabel.setBuddy(self.addressees)
        self.recipientsLabel.setBuddy(self.recipients)
        self.templateLabel.setBuddy(self.template)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.name)
        QWidget.setTabOrder(self.name, self.code)
        QWidget.setTabOrder(self.code, self.parent)
        QWidget.setTabOrder(self.parent, self.focal_agency)
        QWidget.setTabOrder(self.focal_agency, self.place)
        QWidget.setTabOrder(self.place, self.one_stop)
        QWidget.setTabOrder(self.one_stop, self.established)
        QWidget.setTabOrder(self.established, self.calendar_windows)
        QWidget.setTabOrder(self.calendar_windows, self.symbol)
        QWidget.setTabOrder(self.symbol, self.signer_prefix)
        QWidget.setTabOrder(self.signer_prefix, self.signer_title)
        QWidget.setTabOrder(self.signer_title, self.signer_name)
        QWidget.setTabOrder(self.signer_name, self.addressees)
        QWidget.setTabOrder(self.addressees, self.recipients)
        QWidget.setTabOrder(self.recipients, self.template)
        QWidget.setTabOrder(self.template, self.templatesButton)
        QWidget.setTabOrder(self.templatesButton, self.buttonBox)

        self.retranslateUi(UnitDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(UnitDialog)
    # setupUi

    def retranslateUi(self, UnitDialog):
        UnitDialog.setWindowTitle(QCoreApplication.translate("UnitDialog", u"Th\u00f4ng tin \u0111\u01a1n v\u1ecb", None))
        self.nameLabel.setText(QCoreApplication.translate("UnitDialog", u"T\u00ean \u0111\u01a1n v\u1ecb:", None))
        self.name.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"UBND ph\u01b0\u1eddng \u0110\u1ed3ng Thu\u1eadn", None))
        self.codeLabel.setText(QCoreApplication.translate("UnitDialog", u"M\u00e3 \u0111\u01a1n v\u1ecb h\u00e0nh ch\u00ednh:", None))
        self.code.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"5 ch\u1eef s\u1ed1, v\u00ed d\u1ee5 19168", None))
#if QT_CONFIG(tooltip)
        self.code.setToolTip(QCoreApplication.translate("UnitDialog", u"M\u00e3 \u0110VHC trong Danh m\u1ee5c \u0111\u01a1n v\u1ecb h\u00e0nh ch\u00ednh Vi\u1ec7t Nam: c\u1ea5p tr\u00ean nh\u1eadn bi\u1ebft \u0111\u01a1n v\u1ecb b\u1eb1ng m\u00e3 n\u00e0y, kh\u00f4ng b\u1eb1ng t\u00ean", None))
#endif // QT_CONFIG(tooltip)
        self.parentLabel.setText(QCoreApplication.translate("UnitDialog", u"C\u01a1 quan c\u1ea5p tr\u00ean:", None))
        self.parent.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"UBND t\u1ec9nh Qu\u1ea3ng Tr\u1ecb (t\u1ec7p c\u0169: UBND huy\u1ec7n, th\u1ecb x\u00e3\u2026)", None))
        self.focal_agencyLabel.setText(QCoreApplication.translate("UnitDialog", u"C\u01a1 quan \u0111\u1ea7u m\u1ed1i CCHC:", None))
        self.focal_agency.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"S\u1edf N\u1ed9i v\u1ee5 t\u1ec9nh Qu\u1ea3ng Tr\u1ecb", None))
        self.placeLabel.setText(QCoreApplication.translate("UnitDialog", u"\u0110\u1ecba danh (ghi \u1edf d\u00f2ng ng\u00e0y th\u00e1ng):", None))
        self.place.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"\u0110\u1ed3ng Thu\u1eadn", None))
        self.one_stopLabel.setText(QCoreApplication.translate("UnitDialog", u"B\u1ed9 ph\u1eadn m\u1ed9t c\u1eeda:", None))
        self.establishedLabel.setText(QCoreApplication.translate("UnitDialog", u"Ng\u00e0y th\u00e0nh l\u1eadp (\u0111\u01a1n v\u1ecb sau s\u1eafp x\u1ebfp):", None))
        self.established.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"v\u00ed d\u1ee5 01/07/2025; \u0111\u1ec3 tr\u1ed1ng v\u1edbi \u0111\u01a1n v\u1ecb c\u0169", None))
        self.calendar_windowsLabel.setText(QCoreApplication.translate("UnitDialog", u"Th\u1eddi gian l\u1ea5y s\u1ed1 li\u1ec7u:", None))
        self.calendar_windows.setText(QCoreApplication.translate("UnitDialog", u"theo th\u00e1ng d\u01b0\u01a1ng l\u1ecbch (01/01\u201330/06\u2026), kh\u00f4ng theo Ngh\u1ecb \u0111\u1ecbnh 09/2019", None))
        self.tabs.setTabText(self.tabs.indexOf(self.unitTab), QCoreApplication.translate("UnitDialog", u"\u0110\u01a1n v\u1ecb", None))
        self.symbolLabel.setText(QCoreApplication.translate("UnitDialog", u"K\u00fd hi\u1ec7u b\u00e1o c\u00e1o:", None))
        self.symbol.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"BC-UBND", None))
        self.signer_prefixLabel.setText(QCoreApplication.translate("UnitDialog", u"Th\u1ea9m quy\u1ec1n k\u00fd:", None))
        self.signer_titleLabel.setText(QCoreApplication.translate("UnitDialog", u"Ch\u1ee9c v\u1ee5 ng\u01b0\u1eddi k\u00fd:", None))
        self.signer_nameLabel.setText(QCoreApplication.translate("UnitDialog", u"H\u1ecd t\u00ean ng\u01b0\u1eddi k\u00fd:", None))
        self.addresseesLabel.setText(QCoreApplication.translate("UnitDialog", u"K\u00ednh g\u1eedi:", None))
        self.addressees.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"M\u1ed7i n\u01a1i m\u1ed9t d\u00f2ng; \u0111\u1ec3 tr\u1ed1ng n\u1ebfu b\u00e1o c\u00e1o kh\u00f4ng g\u1eedi l\u00ean c\u1ea5p tr\u00ean", None))
        self.recipientsLabel.setText(QCoreApplication.translate("UnitDialog", u"N\u01a1i nh\u1eadn:", None))
        self.recipients.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"- Nh\u01b0 tr\u00ean;\n"
"- L\u01b0u: VT.", None))
        self.templateLabel.setText(QCoreApplication.translate("UnitDialog", u"M\u1eabu ph\u1ee5 l\u1ee5c:", None))
#if QT_CONFIG(tooltip)
        self.template.setToolTip(QCoreApplication.translate("UnitDialog", u"M\u1eabu ph\u1ee5 l\u1ee5c c\u1ea5p tr\u00ean y\u00eau c\u1ea7u", None))
#endif // QT_CONFIG(tooltip)
        self.templatesButton.setText(QCoreApplication.translate("UnitDialog", u"&Xem, nh\u1eadp m\u1eabu\u2026", None))
#if QT_CONFIG(tooltip)
        self.templatesButton.setToolTip(QCoreApplication.translate("UnitDialog", u"Xem tr\u01b0\u1edbc c\u00e1c m\u1eabu; nh\u1eadp bi\u1ec3u m\u1eabu Excel c\u1ee7a c\u1ea5p tr\u00ean", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.reportTab), QCoreApplication.translate("UnitDialog", u"B\u00e1o c\u00e1o: ng\u01b0\u1eddi k\u00fd, n\u01a1i nh\u1eadn", None))
        self.errorLabel.setText("")
    # retranslateUi

